import Foundation
import PluginABI
import Testing

@testable import BossCore

/// Runs one loaded plugin by id on any URL, whatever the routing says: how yt-dlp's generic extractor
/// is reached for links no site plugin claims (a direct file, a page with a `<video>`), tested here
/// without depending on the order of the fallback chain.
struct NamedPluginRun {
    let runtime: HostRuntime
    let pluginID: String

    /// The plugin's status, its detail for the user, and the files it ended in the sink.
    func run(_ url: String, options: JobOptions = JobOptions()) async throws -> (
        status: boss_status, detail: String?, files: [StoredFile], metadata: MediaMetadata
    ) {
        let plugin = try #require(runtime.registry.plugin(id: pluginID))
        let job = JobID(rawValue: 1)
        let directory = try runtime.dataDirectory.createJobDirectory(job)
        let sink = try MediaSink(
            directory: directory, maxFileBytes: runtime.runner.limits.maxFileBytes, quota: runtime.quota)
        defer { sink.close() }
        let hop = await runtime.runner.runPlugin(
            plugin, url: url, request: ExtractionRequest(jobID: job, url: url, options: options), sink: sink,
            control: JobControl(), metadata: MediaMetadata())
        return (hop.status, hop.errorDetail, sink.files, hop.metadata)
    }
}
