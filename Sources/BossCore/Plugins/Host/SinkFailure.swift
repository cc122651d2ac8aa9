import PluginABI

/// A sink failure as the plugin's call returns it; a refused size or content is also a security event
/// for the operator (a site or a plugin sent something other than it claimed).
enum SinkFailure {
    /// Logs what must be logged, records the detail on the call, and gives the status.
    static func record(_ error: any Error, in call: ExtractCall) -> boss_status {
        switch error as? SinkError {
        case .tooLarge, .badType:
            call.logger.warning(
                "security: rejected file: \(error)",
                metadata: ["security_event": "file_rejected", "job": "\(call.jobID)"])
        default: break
        }
        return call.record(StatusMapping.status(for: error), "\(error)")
    }
}
