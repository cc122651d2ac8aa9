import BossMetrics
import BossNet
import Logging
import PluginABI

/// One URL's way through the plugins: every plugin that claims it, by priority, with the host's media
/// probe (for links without an extension) before the catch-alls (priority below 0), then the fallback
/// plugins. A step that answers
/// `BOSS_ERR_UNSUPPORTED_URL` without a file passes the URL on; any other answer is final.
struct CandidateChain {
    let registry: PluginRegistry
    /// Runs each plugin step; it carries the job's request, sink and control.
    let hops: HopRunner
    private var request: ExtractionRequest { hops.request }
    private var sink: MediaSink { hops.sink }
    private var control: JobControl { hops.control }
    private var logger: Logger { hops.logger }

    /// Where the URL's chain ended.
    enum Ending {
        case done(ExtractionResult)
        /// A plugin handed the job to another URL.
        case redirect(to: String, metadata: MediaMetadata)
    }

    /// A step of the chain.
    enum Step {
        case plugin(LoadedPlugin)
        case probe
    }

    /// The steps for `url`: claiming plugins of priority 0 and up, the probe, the catch-alls, the fallbacks.
    static func steps(for url: String, in registry: PluginRegistry) -> [Step] {
        let candidates = registry.candidates(url)
        let catchAlls =
            candidates.firstIndex { $0.manifest.priority < 0 || !$0.claims(url) } ?? candidates.endIndex
        let probe: [Step] = MediaProbe.applies(to: url) ? [.probe] : []
        return candidates[..<catchAlls].map(Step.plugin) + probe + candidates[catchAlls...].map(Step.plugin)
    }

    /// Runs the steps for `url` until one takes it; `route` gets every plugin that handled the job.
    func run(_ url: String, metadata start: MediaMetadata, route: inout [String])
        async throws(ExtractionError)
        -> Ending
    {
        var metadata = start
        var tried: [String] = []
        for step in Self.steps(for: url, in: registry) {
            if control.isCancelled { throw .stopped(by: control) }
            guard case .plugin(let plugin) = step else {
                tried.append(MediaProbe.id)
                if let result = try await probe(url, metadata: metadata, route: route) {
                    return .done(result)
                }
                continue
            }
            let id = plugin.manifest.id
            tried.append(id)
            let hop = await hops.run(plugin, url: url, metadata: metadata)
            metadata = hop.metadata
            BossMetrics.pluginRun(id, succeeded: hop.status == BOSS_OK)
            if control.isCancelled || hop.status == BOSS_ERR_CANCELLED { throw .stopped(by: control) }
            if hop.status == BOSS_ERR_UNSUPPORTED_URL && sink.files.isEmpty && hop.redirectURL == nil {
                logger.info("plugin \(id) does not take \(url); trying the next candidate")
                continue
            }
            route.append(id)
            if let next = hop.redirectURL, sink.files.isEmpty {
                return .redirect(to: next, metadata: metadata)
            }
            guard hop.status == BOSS_OK else {
                throw .pluginFailed(
                    pluginID: id, status: hop.status, detail: hop.errorDetail, causes: hop.hostErrors
                )
            }
            guard request.dryRun || !sink.files.isEmpty else { throw .noFiles(pluginID: id) }
            return .done(
                ExtractionResult(
                    files: sink.files, directory: "", metadata: metadata, pluginID: id, route: route,
                    planned: hop.planned))
        }
        throw .unsupportedURL(url, tried: tried)
    }

    /// The probe's step: a result when the URL was media, nil to go on.
    private func probe(_ url: String, metadata: MediaMetadata, route: [String]) async throws(ExtractionError)
        -> ExtractionResult?
    {
        let probe = MediaProbe(
            http: hops.network.client(for: MediaProbe.id), sink: sink, control: control)
        // A blocking transfer: never on the cooperative pool.
        let dryRun = request.dryRun
        switch await DedicatedThread.run(name: "media-probe", { probe.run(url, dryRun: dryRun) }) {
        case .declined(let reason):
            logger.debug("probe declined \(url): \(reason)")
            return nil
        case .refused(let status, let message):
            throw .pluginFailed(pluginID: MediaProbe.id, status: status, detail: message, causes: [])
        case .media(let planned):
            var described = metadata
            described.sourceURL = described.sourceURL ?? url
            return ExtractionResult(
                files: sink.files, directory: "", metadata: described, pluginID: MediaProbe.id,
                route: route + [MediaProbe.id], planned: request.dryRun ? [planned] : [])
        }
    }
}
