import BossCore
import BossQueuePostgres
import Logging

/// Opens the queue store the settings name: the embedded SQLite file in the data directory, or the
/// PostgreSQL database of `BOSS_QUEUE_URL`, which processes on many hosts share.
enum QueueStoreOpener {
    /// The store, and what `/healthz` and the logs may say of it (never the password). A role that needs
    /// a shared queue without one, or a URL that cannot be used, is a configuration error; a database
    /// that cannot be reached is a start failure.
    static func open(_ settings: HostSettings, role: ProcessRole, path: String, logger: Logger)
        throws(BotLauncher.StartError) -> (store: any QueueStore, name: String)
    {
        guard let text = settings.queue.url else {
            guard role == .bot else {
                throw BotLauncher.StartError(
                    description: role == .worker
                        ? "boss-host worker needs BOSS_QUEUE_URL: workers take jobs from a shared PostgreSQL queue"
                        : "BOSS_WORKERS=0 needs BOSS_QUEUE_URL: the downloads are left to `boss-host worker` processes "
                            + "on a shared PostgreSQL queue, and the embedded SQLite queue serves one process",
                    isConfiguration: true)
            }
            do {
                return (try JobStore(path: path), "sqlite:" + path)
            } catch {
                throw BotLauncher.StartError(
                    description: "cannot open the queue database \(path): \(error)", isConfiguration: false)
            }
        }
        let url: PostgresQueueURL
        do {
            url = try PostgresQueueURL(text)
        } catch {
            throw BotLauncher.StartError(description: "\(error)", isConfiguration: true)
        }
        do {
            let store = try PostgresQueueStore(url: url, logger: logger)
            logger.info("queue: \(url) (shared)")
            return (store, url.description)
        } catch {
            throw BotLauncher.StartError(
                description: "cannot open the queue database \(url): \(error)", isConfiguration: false)
        }
    }
}
