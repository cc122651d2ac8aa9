import BossNet
import Foundation
import PluginABI

/// One `fetch_to_file` call: streams a URL into a new sink file, never holding the body in memory.
struct FetchToFile {
    var url: String
    var headers: [(name: String, value: String)]
    var suggestedName: String?

    func perform(in call: ExtractCall) -> boss_status {
        if call.isDryRun {
            call.plan(PlannedDownload(url: url, suggestedName: suggestedName))
            return BOSS_OK
        }
        let files = call.files
        var open: OpenSinkFile?
        do {
            let request = HTTPRequest(url: url, method: .get, headers: headers)
            _ = try call.http.perform(
                request, isCancelled: { [control = call.control] in control.isCancelled },
                onResponse: { head in
                    guard (200..<300).contains(head.status) else {
                        throw HTTPStatusFailure(status: head.status, url: head.finalURL)
                    }
                    let name = suggestedName ?? Self.fileName(from: head.finalURL)
                    let (status, file) = files.begin(
                        suggestedName: name, expectedSize: head.contentLength, in: call)
                    guard let file, status == BOSS_OK else { throw HostServiceFailure(status: status) }
                    open = file
                    return true
                },
                onBody: { chunk in
                    guard let file = open else { return }
                    let status = files.write(file, chunk, in: call)
                    guard status == BOSS_OK else { throw HostServiceFailure(status: status) }
                })
            guard let file = open else {
                return call.record(BOSS_ERR_UPSTREAM, "no response body from \(url)")
            }
            return files.end(file, in: call)
        } catch let failure as HostServiceFailure {
            open.map(files.abort)
            return failure.status
        } catch {
            open.map(files.abort)
            return call.record(StatusMapping.status(for: error), "\(error)")
        }
    }

    /// The last path component of a URL, without its query: the default name of a fetched file.
    static func fileName(from url: String) -> String? {
        guard let components = URLComponents(string: url) else { return nil }
        let last = (components.path as NSString).lastPathComponent
        return last.isEmpty || last == "/" ? nil : last
    }
}
