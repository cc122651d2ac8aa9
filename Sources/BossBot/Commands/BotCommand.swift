/// The bot's commands, the same for prefix and slash use.
public enum BotCommand: Equatable, Sendable {
    /// `download`/`dl URL...`.
    case download(arguments: [String])
    /// `queue`: what is running and waiting.
    case queue
    /// `status`: the bot's health and figures.
    case status
    /// `cancel JOB`.
    case cancel(job: String?)
    /// `plugins`: the loaded extractors.
    case plugins
    /// `ping`: gateway latency.
    case ping
    /// `help`.
    case help
    /// `reload` (admin): rescan the plugins folder.
    case reload
    /// Anything else, with the nearest known name when one is close.
    case unknown(name: String, suggestion: String?)

    /// Every command name users can type.
    public static let names = [
        "download", "dl", "queue", "status", "cancel", "plugins", "ping", "help", "reload",
    ]

    /// Interprets a parsed command.
    public init(_ parsed: ParsedCommand) {
        switch parsed.name {
        case "download", "dl": self = .download(arguments: parsed.arguments)
        case "queue", "q": self = .queue
        case "status": self = .status
        case "cancel": self = .cancel(job: parsed.arguments.first)
        case "plugins": self = .plugins
        case "ping": self = .ping
        case "help", "?": self = .help
        case "reload": self = .reload
        default:
            let nearest = Self.names.min { Self.distance($0, parsed.name) < Self.distance($1, parsed.name) }
            let suggestion = nearest.flatMap { Self.distance($0, parsed.name) <= 2 ? $0 : nil }
            self = .unknown(name: parsed.name, suggestion: suggestion)
        }
    }

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

    /// Whether only the operator's admins may run it.
    public var isAdminOnly: Bool { self == .reload }

    /// Levenshtein distance, for "did you mean".
    static func distance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
