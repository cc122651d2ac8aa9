/// What one `boss-host` process does with the bot: everything (`run`), only the Discord gateway and
/// commands (`run` with `BOSS_WORKERS=0`), or only downloads (`worker`).
enum ProcessRole: String, Sendable {
    /// Gateway, commands and downloads in one process.
    case bot
    /// Gateway and commands; the downloads are left to worker processes on the shared queue.
    case gateway
    /// Downloads from the shared queue, delivered through REST; no gateway connection.
    case worker

    /// Whether this process connects to the gateway.
    var hasGateway: Bool { self != .worker }
    /// Whether this process runs downloads.
    var runsJobs: Bool { self != .gateway }
}
