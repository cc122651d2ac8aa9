import BossCore
import Foundation
import Logging
import Synchronization

/// Runs a `fetch` job: extraction through the plugins, then delivery into the output directory.
struct FetchJobExecutor: JobExecutor {
    let runtime: HostRuntime
    let deliveries: DeliveryLog

    func execute(_ job: Job, control: JobControl) async -> JobOutcome {
        let context = FetchReplyContext.decode(job.context) ?? FetchReplyContext()
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let result = try await runtime.runner.extract(
                ExtractionRequest(jobID: job.id, url: job.url, options: jobOptions(context)), control: control
            )
            let downloadTime = clock.now - started
            let files = try deliver(result, jobID: job.id, to: context.outputDirectory)
            deliveries.record(job.id, files, downloadTime: downloadTime)
            return .delivered
        } catch let error as ExtractionError {
            if case .cancelled = error { return .cancelled }
            runtime.logger.warning("job \(job.id) failed: \(error)", metadata: ["url": "\(job.url)"])
            return .failed(category: error.category, message: error.userMessage)
        } catch {
            runtime.logger.error("job \(job.id) could not be delivered: \(error)")
            return .failed(category: .internal, message: "The files could not be saved: \(error)")
        }
    }

    /// The queue database refuses writes for now: say so on stderr, the download waits.
    func delayed(_ job: Job, reason: String) async { printError("#\(job.id) \(job.url): \(reason)") }

    /// The requester's options, with the file limit as the largest file the output takes.
    private func jobOptions(_ context: FetchReplyContext) -> JobOptions {
        var options = context.options ?? JobOptions()
        options.maxBytes = runtime.settings.maxFileBytes
        return options
    }

    /// Moves the files into `directory` under names that do not overwrite anything there.
    private func deliver(_ result: ExtractionResult, jobID: JobID, to directory: String?) throws
        -> [StoredFile]
    {
        guard let directory else { return result.files }
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var delivered: [StoredFile] = []
        for file in result.files {
            var moved = file
            moved.path = try OutputNaming.move(file.path, into: directory, preferredName: file.name)
            moved.name = (moved.path as NSString).lastPathComponent
            runtime.quota.release(file.size)
            delivered.append(moved)
        }
        runtime.dataDirectory.removeJobDirectory(jobID, quota: runtime.quota)
        return delivered
    }
}
