import BossCore
import Foundation

/// Prints, per URL, `URL<TAB>plugin-id` (or `-`), then what that plugin would fetch when the
/// upstream can be reached, indented below it.
struct DryRunReport {
    let runtime: HostRuntime

    func print(_ urls: [String]) async {
        for (index, url) in urls.enumerated() {
            guard let plugin = runtime.registry.route(url) else {
                Swift.print("\(url)\t-")
                continue
            }
            Swift.print("\(url)\t\(plugin.manifest.id)")
            let request = ExtractionRequest(jobID: JobID(rawValue: -Int64(index + 1)), url: url, dryRun: true)
            do {
                let result = try await runtime.runner.extract(request, control: JobControl())
                for planned in result.planned {
                    let name = planned.suggestedName.map { " as \($0)" } ?? ""
                    Swift.print(
                        "  would fetch \(planned.url.isEmpty ? "(streamed by the plugin)" : planned.url)\(name)"
                    )
                }
            } catch {
                Swift.print("  (not resolved: \(error.userMessage))")
            }
        }
    }
}
