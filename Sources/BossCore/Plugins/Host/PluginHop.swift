import PluginABI

/// What one plugin's `extract` call left behind.
struct PluginHop: Sendable {
    var status: boss_status
    var metadata: MediaMetadata
    var errorDetail: String?
    var redirectURL: String?
    var planned: [PlannedDownload]
    var hostErrors: [String]
}
