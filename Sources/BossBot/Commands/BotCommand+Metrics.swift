extension BotCommand {
    /// The `command` label of `boss_command_response_seconds`.
    public var metricName: String {
        switch self {
        case .download: "download"
        case .queue: "queue"
        case .status: "status"
        case .cancel: "cancel"
        case .plugins: "plugins"
        case .ping: "ping"
        case .help: "help"
        case .reload: "reload"
        case .unknown: "unknown"
        }
    }
}
