import BossNet
import Foundation
import PluginABI

extension ExtractCall {
    /// `fetch_to_file`: streams `url` into a new sink file, never holding the body in memory.
    func fetchToFile(url: String, headers: [(name: String, value: String)], suggestedName: String?)
        -> boss_status
    {
        if isDryRun {
            state.withLock { $0.planned.append(PlannedDownload(url: url, suggestedName: suggestedName)) }
            return BOSS_OK
        }
        var open: OpenSinkFile?
        do {
            let request = HTTPRequest(url: url, method: .get, headers: headers)
            _ = try http.perform(
                request, isCancelled: { [control] in control.isCancelled },
                onResponse: { head in
                    guard (200..<300).contains(head.status) else {
                        throw HTTPStatusFailure(status: head.status, url: head.finalURL)
                    }
                    let name = suggestedName ?? Self.fileName(from: head.finalURL)
                    let (status, file) = self.beginFile(suggestedName: name, expectedSize: head.contentLength)
                    guard let file, status == BOSS_OK else { throw HostServiceFailure(status: status) }
                    open = file
                    return true
                },
                onBody: { chunk in
                    guard let file = open else { return }
                    let status = self.write(file, chunk)
                    guard status == BOSS_OK else { throw HostServiceFailure(status: status) }
                })
            guard let file = open else { return record(BOSS_ERR_UPSTREAM, "no response body from \(url)") }
            return end(file)
        } catch let failure as HostServiceFailure {
            open.map(abort)
            return failure.status
        } catch {
            open.map(abort)
            return record(StatusMapping.status(for: error), "\(error)")
        }
    }

    /// The last path component of a URL, without its query: the default name of a fetched file.
    static func fileName(from url: String) -> String? {
        guard let components = URLComponents(string: url) else { return nil }
        let last = (components.path as NSString).lastPathComponent
        return last.isEmpty || last == "/" ? nil : last
    }
}

/// A host service already reported (and recorded) its status; carry it out of a callback.
struct HostServiceFailure: Error {
    let status: boss_status
}
