import BossNet
import Foundation
import PluginABI

/// The host's own step in a URL's chain, between the site plugins and the catch-alls, for links whose
/// last path segment has no extension (links with one are the direct plugin's, or a catch-all's): a GET
/// whose first bytes decide. Media (by its magic bytes, whatever `Content-Type` says) streams straight
/// into the sink, so `https://cdn.example/blob/8412` works; anything else is declined after the first
/// chunk, at the cost of one round trip. A private or local address is refused outright: every later
/// step would be refused it too.
struct MediaProbe {
    let http: HTTPClient
    let sink: MediaSink
    let control: JobControl

    /// How the probe ended.
    enum Outcome {
        /// The URL was media: one file is in the sink (or, in a dry run, planned).
        case media(PlannedDownload)
        /// Not media, or not reachable: the next step is tried.
        case declined(String)
        /// Media the sink refused (too large, quota): final.
        case refused(boss_status, String)
    }

    /// The id the probe goes by in routes and messages.
    static let id = "probe"

    func run(_ url: String, dryRun: Bool) -> Outcome {
        var head: [UInt8] = []
        var file: SinkFile?
        let planned = PlannedDownload(url: url, suggestedName: Self.name(of: url))
        do {
            _ = try http.perform(
                HTTPRequest(url: url), isCancelled: { [control] in control.isCancelled },
                onResponse: { (200..<300).contains($0.status) },
                onBody: { chunk in
                    if let file { return try file.write(chunk) }
                    head += chunk
                    guard head.count >= 16 || chunk.isEmpty else { return }
                    guard MediaType.detect(head) != nil else { throw Decline.notMedia }
                    if dryRun { throw Decline.planned }
                    let opened = try sink.begin(suggestedName: planned.suggestedName, expectedSize: nil)
                    file = opened
                    try head.withUnsafeBytes { try opened.write($0) }
                })
            guard let file else { return .declined(head.isEmpty ? "no body" : "not media") }
            _ = try file.finish()
            return .media(planned)
        } catch Decline.planned {
            return .media(planned)
        } catch let error as SinkError {
            return .refused(StatusMapping.status(for: error), error.userMessage)
        } catch HTTPError.blockedAddress {
            return .refused(
                BOSS_ERR_BLOCKED_ADDRESS, "The link points to a private or local network address.")
        } catch {
            file?.abort()
            return .declined("\(error)")
        }
    }

    private enum Decline: Error { case notMedia, planned }

    /// Whether the probe is a step for `url`: an http(s) link whose last path segment has no extension.
    static func applies(to url: String) -> Bool {
        guard let components = URLComponents(string: url),
            ["http", "https"].contains(components.scheme?.lowercased())
        else { return false }
        return !(name(of: url) ?? "").contains(".")
    }

    /// The URL's last path segment, decoded, as the file's suggested name (the sink sanitizes it and
    /// sets the extension from the bytes).
    static func name(of url: String) -> String? {
        guard let path = URLComponents(string: url)?.path, let last = path.split(separator: "/").last else {
            return nil
        }
        return String(last)
    }
}
