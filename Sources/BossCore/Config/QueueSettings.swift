/// Where the queue lives and what this process does with it (`BOSS_QUEUE_URL`, `BOSS_WORKERS`,
/// `BOSS_QUEUE_LEASE_SECONDS`).
public struct QueueSettings: Sendable {
    /// The shared queue's PostgreSQL URL; nil for the embedded SQLite queue in the data directory.
    /// Secret: it may carry the password.
    public var url: String?
    /// Whether `run` also downloads (`BOSS_WORKERS=1`, the default) or only takes commands (`0`).
    public var runsWorkers: Bool
    /// How long a worker's hold on a running job lasts without renewal: how soon the jobs of a killed
    /// worker run elsewhere.
    public var leaseDuration: Duration

    /// Reads and validates the queue settings.
    public init(environment: HostEnvironment) throws(ConfigurationError) {
        url = environment[.queueURL].flatMap { $0.isEmpty ? nil : $0 }
        runsWorkers = try environment.flag(.workers)
        leaseDuration = .seconds(try environment.integer(.queueLeaseSeconds, in: 3...3600))
    }
}
