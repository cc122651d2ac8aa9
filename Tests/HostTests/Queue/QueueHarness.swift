import BossCore
import Foundation
import Logging
import Synchronization
import TestSupport

/// An executor whose jobs block until the test opens their gate, recording the start order and how
/// often each job ran to completion.
final class GatedExecutor: JobExecutor {
    let started = Mutex<[String]>([])
    let completions = Mutex<[JobID: Int]>([:])
    let concurrent = Mutex((now: 0, peak: 0))
    private let gates = Mutex<[String: Bool]>([:])
    private let openAll = Atomic<Bool>(false)

    init(openAll: Bool = false) { self.openAll.store(openAll, ordering: .relaxed) }

    func open(_ url: String) { gates.withLock { $0[url] = true } }
    func openEverything() { openAll.store(true, ordering: .relaxed) }

    func execute(_ job: Job, control: JobControl) async -> JobOutcome {
        started.withLock { $0.append(job.url) }
        concurrent.withLock {
            $0.now += 1
            $0.peak = max($0.peak, $0.now)
        }
        defer { concurrent.withLock { $0.now -= 1 } }
        while !openAll.load(ordering: .relaxed) && gates.withLock({ $0[job.url] != true }) {
            // A "deaf" job ignores cancellation, as a plugin stuck in its own code would.
            if control.isCancelled && !job.url.hasPrefix("deaf") { return .cancelled }
            try? await Task.sleep(for: .milliseconds(5))
        }
        if job.url.hasPrefix("fail") { return .failed(category: .upstream, message: "no such post") }
        completions.withLock { $0[job.id, default: 0] += 1 }
        return .delivered
    }
}

/// A gated executor that also records what the queue told it about jobs it dropped (`abandon`) or
/// could not start yet (`delayed`).
final class RecordingExecutor: JobExecutor {
    let gate = GatedExecutor()
    let abandoned = Mutex<[(JobID, String)]>([])
    let delayed = Mutex<[(JobID, String)]>([])
    func execute(_ job: Job, control: JobControl) async -> JobOutcome {
        await gate.execute(job, control: control)
    }
    func abandon(_ job: Job, reason: String) async { abandoned.withLock { $0.append((job.id, reason)) } }
    func delayed(_ job: Job, reason: String) async { delayed.withLock { $0.append((job.id, reason)) } }
}

struct QueueHarness {
    let kind: QueueStoreKind
    let folder: TemporaryFolder
    /// The PostgreSQL database of this harness (`.postgres` only).
    let postgresURL: String?
    var root: String { folder.path }
    var database: String { root + "/queue.sqlite" }
    /// Short for PostgreSQL, so a "dead" worker's jobs are taken over within seconds; SQLite recovers
    /// them at the next start instead.
    var leaseDuration: Duration { kind == .postgres ? .seconds(3) : .seconds(30) }

    /// A SQLite harness.
    init() throws { try self.init(.sqlite, postgresURL: nil) }

    private init(_ kind: QueueStoreKind, postgresURL: String?) throws {
        self.kind = kind
        folder = try TemporaryFolder(prefix: "boss-queue")
        self.postgresURL = postgresURL
    }

    /// A harness on `kind`'s store (a new database of the test cluster for `.postgres`).
    static func start(_ kind: QueueStoreKind) async throws -> QueueHarness {
        try QueueHarness(kind, postgresURL: kind == .postgres ? try await TestPostgres.database() : nil)
    }

    /// A new handle on the harness's store, as another process would open it (opened on a thread of
    /// its own: connecting and migrating block, and must not hold the cooperative pool's threads).
    func store() async throws -> any QueueStore {
        let (database, postgresURL) = (database, postgresURL)
        return try await onOwnThread {
            guard let postgresURL else { return try JobStore(path: database) as any QueueStore }
            return try TestPostgres.store(postgresURL)
        }
    }

    func queue(_ executor: any JobExecutor, running: Int = 5, waiting: Int = 50, scope: String = "cli")
        async throws -> DownloadQueue
    {
        DownloadQueue(
            store: try await store(), scope: scope,
            limits: QueueLimits(maxRunning: running, maxWaiting: waiting),
            executor: executor, logger: Logger(label: "test"), leaseDuration: leaseDuration)
    }

    func cleanUp() { folder.remove() }
}
