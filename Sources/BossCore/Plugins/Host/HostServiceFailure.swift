import PluginABI

/// A host service already reported (and recorded) its status; carries it out of a transfer callback.
struct HostServiceFailure: Error {
    let status: boss_status
}
