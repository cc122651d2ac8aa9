import BossCore
import BossDiscord
import Logging

/// The commands that report and administer: `queue`, `status`, `plugins`, `ping`, `help`, `reload`.
struct InfoCommands: Sendable {
    private let queue: DownloadQueue
    private let runtime: HostRuntime
    private let prefix: String
    private let gateway: @Sendable () async -> (connected: Bool, latency: Duration?)
    private let startedAt = ContinuousClock.now

    init(
        queue: DownloadQueue, runtime: HostRuntime, prefix: String,
        gateway: @escaping @Sendable () async -> (connected: Bool, latency: Duration?)
    ) {
        self.queue = queue
        self.runtime = runtime
        self.prefix = prefix
        self.gateway = gateway
    }

    private var logger: Logger { runtime.logger }

    /// `queue`: the jobs of the invocation's server (or DM).
    func queueText(_ invocation: Invocation) async -> String {
        QueueListing(guild: invocation.guild, user: invocation.user).text(await queue.snapshot())
    }

    func statusText() async -> String {
        let snapshot = await queue.snapshot()
        let gateway = await gateway()
        let storage = runtime.quota.usage
        let uptime = (ContinuousClock.now - startedAt).components.seconds
        let latency = gateway.latency.map(Self.milliseconds)
        var lines = [
            "📊 **Status**",
            "Gateway: \(gateway.connected ? "connected" : "reconnecting") · latency \(latency ?? "n/a")",
            "Queue: \(snapshot.running.count) running, \(snapshot.queued.count) waiting",
            "Storage: \(ProgressText.megabytes(UInt64(storage.usedBytes))) of "
                + "\(ProgressText.megabytes(UInt64(storage.limitBytes))) (\(Int(storage.percent))%)",
            "Plugins: \(runtime.registry.plugins.count) loaded",
            "Uptime: \(uptime / 3600) h \(uptime % 3600 / 60) min",
        ]
        for (job, progress) in snapshot.running.prefix(5) {
            lines.append("⬇️ #\(job.id) \(ProgressText.megabytes(progress.done))")
        }
        return lines.joined(separator: "\n")
    }

    func pingText() async -> String {
        let latency = await gateway().latency.map(Self.milliseconds)
        return "🏓 Pong! Gateway latency: \(latency ?? "not measured yet")."
    }

    func pluginsText() -> String {
        let plugins = runtime.registry.plugins.sorted { $0.manifest.priority > $1.manifest.priority }
        guard !plugins.isEmpty else { return "🧩 No plugins are loaded." }
        let lines = plugins.map { plugin in
            let health = plugin.health.map { " ⚠️ \($0)" } ?? ""
            return "🧩 `\(plugin.manifest.id)` \(plugin.manifest.version): \(plugin.manifest.name)\(health)"
        }
        return lines.joined(separator: "\n")
    }

    func helpText() -> String {
        let p = prefix
        return """
            **Boss-Bot** downloads media from links and posts the files here.
            `\(p)download URL...` (or `\(p)dl`): download one or more links (`||url||` sends spoilers)
            `\(p)queue`: what is running and waiting · `\(p)cancel JOB`: cancel your download
            `\(p)status`: the bot's health · `\(p)plugins`: supported sites · `\(p)ping`: latency
            Slash commands work too: `/download url:...`.
            """
    }

    func reload() -> String {
        let result = runtime.loader.rescan()
        logger.notice(
            "plugins reloaded by an admin: \(result.added.count) added, \(result.replaced.count) replaced")
        var text =
            "🔄 Plugins rescanned: \(result.added.count) added, \(result.replaced.count) replaced, "
            + "\(result.removed.count) removed."
        for failure in result.failures.prefix(5) { text += "\n⚠️ \(failure)" }
        return text
    }

    /// `12 ms`, as `ping` and `status` show the gateway latency.
    private static func milliseconds(_ duration: Duration) -> String {
        "\(Int(duration / .milliseconds(1))) ms"
    }
}
