import BossCore
import Foundation
import Logging
import Synchronization

/// One `fetch` run: a "cli"-scoped queue over the host runtime, the progress display and the summary.
struct FetchSession {
    let runtime: HostRuntime
    let queue: DownloadQueue
    let executor: FetchJobExecutor

    /// How long files of a `fetch` without `-o` stay under the data dir.
    static let keepFilesFor: Duration = .seconds(24 * 3600)

    /// Removes expired job folders, opens the queue database and resumes downloads a crashed `fetch`
    /// left behind.
    static func start(runtime: HostRuntime) async throws -> FetchSession {
        let expired = runtime.dataDirectory.removeExpiredJobDirectories(
            olderThan: keepFilesFor, quota: runtime.quota)
        if !expired.isEmpty {
            runtime.logger.info("removed \(expired.count) job folder(s) older than 24 hours")
        }
        let store = try JobStore(path: runtime.dataDirectory.queueDatabase)
        let executor = FetchJobExecutor(runtime: runtime, deliveries: DeliveryLog())
        let limits = QueueLimits(
            maxRunning: runtime.settings.maxConcurrent, maxWaiting: runtime.settings.maxQueue)
        let bounded = DeadlineExecutor(executor, timeout: runtime.settings.jobTimeout, logger: runtime.logger)
        let queue = DownloadQueue(
            store: store, scope: "cli", limits: limits, executor: bounded, logger: runtime.logger)
        try await queue.start()
        return FetchSession(runtime: runtime, queue: queue, executor: executor)
    }

    /// Queues `urls`, waits for them and every resumed job, prints the summary; true when all succeeded.
    func run(urls: [String], context: FetchReplyContext) async throws -> Bool {
        let snapshot = await queue.snapshot()
        var ids = snapshot.queued.map(\.id) + snapshot.running.map(\.job.id)
        if !ids.isEmpty { printError("resuming \(ids.count) interrupted download(s)") }
        // Jobs are routed when they start: a plugin added while a long fetch runs serves the rest.
        let watcher = PluginDirectoryWatcher(loader: runtime.loader)
        watcher.start()
        defer { watcher.stop() }
        let progress = FetchProgress(queue: queue, terminal: isatty(STDERR_FILENO) == 1)
        let display = Task { await progress.run() }
        var refused: [(url: String, reason: String)] = []
        for url in urls {
            do {
                ids.append(try await queue.enqueue(url: url, requester: "cli", context: context.encoded).id)
            } catch {
                refused.append((url, error.userMessage))
            }
        }
        if ids.isEmpty && refused.isEmpty { printError("nothing to download") }
        var finished: [Job] = []
        for id in ids {
            if let job = await queue.waitUntilFinished(id) { finished.append(job) }
        }
        display.cancel()
        await display.value
        await queue.shutdown(gracePeriod: .seconds(5))
        let files = executor.deliveries.all
        FetchSummary(jobs: finished, files: files, refused: refused).print()
        print("storage: \(runtime.quota.usage)")
        return refused.isEmpty && finished.allSatisfy { $0.state == .delivered }
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
