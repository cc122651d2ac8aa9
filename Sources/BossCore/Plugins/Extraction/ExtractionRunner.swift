import BossMetrics
import BossNet
import Foundation
import Logging
import PluginABI

/// The loader → plugin → sink stage: routes a URL to its plugin, runs `extract` on a dedicated
/// thread with the host services wired to this job's sink, and follows plugin redirects.
public final class ExtractionRunner: Sendable {
    private let registry: PluginRegistry
    private let network: PluginNetwork
    private let confinement: ChildConfinement
    private let dataDirectory: DataDirectory
    private let quota: StorageQuota
    private let limits: ExtractionLimits
    private let logger: Logger

    /// Creates a runner over the loaded plugins, the host's network and storage; children find their
    /// tools on `searchPath` (the host's `PATH`).
    public init(
        registry: PluginRegistry, network: PluginNetwork, dataDirectory: DataDirectory, quota: StorageQuota,
        limits: ExtractionLimits, searchPath: String?, logger: Logger
    ) {
        self.registry = registry
        self.network = network
        confinement = ChildConfinement(proxy: network.proxy, searchPath: searchPath, limits: limits)
        self.dataDirectory = dataDirectory
        self.quota = quota
        self.limits = limits
        self.logger = logger
    }

    /// Extracts `request.url` into the job's folder. On failure the folder is removed.
    public func extract(
        _ request: ExtractionRequest, control: JobControl
    ) async throws(ExtractionError) -> ExtractionResult {
        let directory: String
        let sink: MediaSink
        do {
            directory = try dataDirectory.createJobDirectory(request.jobID)
            sink = try MediaSink(directory: directory, maxFileBytes: limits.maxFileBytes, quota: quota)
        } catch {
            throw .storage("\(error)")
        }
        defer { sink.close() }
        let started = ContinuousClock.now
        do {
            var result = try await follow(request, sink: sink, control: control)
            result.directory = directory
            BossMetrics.downloaded(bytes: result.files.reduce(0) { $0 + $1.size }, since: started)
            if request.dryRun { dataDirectory.removeJobDirectory(request.jobID, quota: quota) }
            return result
        } catch {
            dataDirectory.removeJobDirectory(request.jobID, quota: quota)
            throw error
        }
    }

    private func follow(
        _ request: ExtractionRequest, sink: MediaSink, control: JobControl
    ) async throws(ExtractionError) -> ExtractionResult {
        var url = request.url
        var visited = [url]
        var route: [String] = []
        var metadata = MediaMetadata()
        let hops = HopRunner(
            request: request, sink: sink, control: control, network: network, confinement: confinement,
            dataDirectory: dataDirectory, quota: quota, limits: limits, logger: logger)
        let chain = CandidateChain(registry: registry, hops: hops)
        while true {
            switch try await chain.run(url, metadata: metadata, route: &route) {
            case .done(let result): return result
            case .redirect(let next, let carried):
                visited.append(next)
                guard route.count <= limits.maxRedirects, !visited.dropLast().contains(next) else {
                    throw .redirectLoop(visited)
                }
                logger.info("plugin \(route.last ?? "?") redirected job \(request.jobID) to \(next)")
                (url, metadata) = (next, carried)
            }
        }
    }
}
