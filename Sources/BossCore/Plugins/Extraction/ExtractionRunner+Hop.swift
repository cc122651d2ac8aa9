import BossNet
import Foundation
import PluginABI

/// What one plugin's `extract` call left behind.
struct PluginHop: Sendable {
    var status: boss_status
    var metadata: MediaMetadata
    var errorDetail: String?
    var redirectURL: String?
    var planned: [PlannedDownload]
    var hostErrors: [String]
}

extension ExtractionRunner {
    func runPlugin(
        _ plugin: LoadedPlugin, url: String, request: ExtractionRequest, sink: MediaSink, control: JobControl,
        metadata: MediaMetadata
    ) async -> PluginHop {
        let workDirectory = dataDirectory.workDirectory(request.jobID)
        try? FileManager.default.removeItem(atPath: workDirectory)
        try? FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: workDirectory) }
        var jobLogger = logger
        jobLogger[metadataKey: "job"] = "\(request.jobID)"
        jobLogger[metadataKey: "plugin"] = "\(plugin.manifest.id)"
        let children = JobChildren(
            job: request.jobID, pluginID: plugin.manifest.id, control: control, quota: quota,
            workFolder: workDirectory, confinement: confinement, logger: jobLogger)
        defer { children.close() }
        let context = ExtractCall(
            jobID: request.jobID, isDryRun: request.dryRun, options: request.options, control: control,
            sink: sink,
            http: network.client(for: plugin.manifest.id), children: children, limits: limits,
            workDirectory: workDirectory, logger: jobLogger)
        context.state.withLock { $0.metadata = metadata }
        jobLogger.info("extracting \(url)")
        let status = await DedicatedThread.run(name: "plugin-\(plugin.manifest.id)-job-\(request.jobID)") {
            plugin.extract(job: context.pointer, url: url)
        }
        context.abortOpenFiles()
        return context.state.withLock { state in
            PluginHop(
                status: status, metadata: state.metadata, errorDetail: state.errorDetail,
                redirectURL: state.redirectURL, planned: state.planned, hostErrors: state.hostErrors)
        }
    }
}
