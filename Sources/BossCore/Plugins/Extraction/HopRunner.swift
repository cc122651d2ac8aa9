import BossNet
import Foundation
import Logging
import PluginABI

/// Runs one plugin's `extract` for a job (one hop of its way through the plugins): a fresh work
/// folder, the call's host services wired to the job's sink, children and network, on a dedicated
/// thread; then what the call left.
struct HopRunner: Sendable {
    let request: ExtractionRequest
    let sink: MediaSink
    let control: JobControl
    let network: PluginNetwork
    let confinement: ChildConfinement
    let dataDirectory: DataDirectory
    let quota: StorageQuota
    let limits: ExtractionLimits
    let logger: Logger

    func run(_ plugin: LoadedPlugin, url: String, metadata: MediaMetadata) async -> PluginHop {
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
        let call = ExtractCall(
            request: request, metadata: metadata, control: control,
            files: SinkFiles(sink: sink, maxFiles: limits.maxFiles),
            http: network.client(for: plugin.manifest.id),
            children: children, limits: limits, workDirectory: workDirectory, logger: jobLogger)
        jobLogger.info("extracting \(url)")
        let status = await DedicatedThread.run(name: "plugin-\(plugin.manifest.id)-job-\(request.jobID)") {
            plugin.extract(job: call.pointer, url: url)
        }
        return call.end(status: status)
    }
}
