/// The plugin call running on this thread, bound around `extract`: host services reached with a bad
/// handle can then name the plugin, and tell the job's own handles from those of other jobs.
struct PluginCall: Sendable {
    /// The plugin's id.
    let pluginID: String
    /// The address of the `boss_job` the call was given.
    let job: UInt

    /// The call in progress on this thread; nil on threads a plugin started itself.
    @TaskLocal static var current: PluginCall?
}
