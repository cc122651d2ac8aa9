import Foundation
import Hummingbird

/// The dashboard at `/`: one self-contained page (no CDN, no external file) whose inline script polls
/// `/metrics` and `/healthz` every 2 seconds and draws live canvas charts of the queue, throughput,
/// errors, latency and storage. When every chart has drawn data it sets the title to
/// `Boss-Bot dashboard: live`, and each canvas carries `data-points` and `data-ink` (pixels drawn).
///
/// The page, its stylesheet and its script are real files (`Dashboard/dashboard.html`, `.css`, `.js`),
/// embedded in the binary when it is built (SwiftPM's `embedInCode`), so no resource bundle has to
/// travel beside `boss-host`. They are put together once, the stylesheet and the script inlined where
/// the page links them, and every response shares that one buffer.
enum DashboardPage {
    /// The page as served.
    static let body = ByteBuffer(
        string: assemble(
            page: PackageResources.dashboard_html, style: PackageResources.dashboard_css,
            script: PackageResources.dashboard_js))

    /// `page` with `dashboard.css` and `dashboard.js` inlined where it links them.
    static func assemble(page: [UInt8], style: [UInt8], script: [UInt8]) -> String {
        text(page)
            .replacingOccurrences(
                of: #"<link rel="stylesheet" href="dashboard.css">"#,
                with: "<style>" + text(style) + "</style>"
            )
            .replacingOccurrences(
                of: #"<script src="dashboard.js"></script>"#, with: "<script>" + text(script) + "</script>")
    }

    /// A file's text without the newline that ends it (the page has none there).
    private static func text(_ bytes: [UInt8]) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
