import Foundation
import TestSupport
import Testing

/// The dashboard in a real browser: headless chromium loads `/` from the running bot (with a download
/// done, so the figures are not empty), and the charts must have drawn.
@Suite("Dashboard in chromium", .serialized)
struct DashboardScreenshotTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Runs chromium headless on `url` with a private profile; returns its stdout.
    static func chromium(_ binary: String, _ arguments: [String], url: String) async throws -> String {
        return try await withTemporaryFolder(prefix: "boss-chromium") { folder in
            let home = folder.path
            let common = [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=\(home)/profile", "--window-size=1280,900", "--virtual-time-budget=9000",
            ]
            let result = try await ChildProcess.run(
                binary, common + arguments + [url], environment: ["HOME": home], directory: home,
                timeout: .seconds(90))
            #expect(result.status == 0, "chromium failed: \(result.stderr.suffix(2000))")
            return result.stdout
        }
    }

    @Test("chromium renders every chart with data: a screenshot, and the DOM the charts left")
    func chartsRender() async throws {
        let binary = try #require(
            Self.chromium, "chromium is missing: run `make deps` (scripts/install-deps.sh)")
        try await withHarness(
            BotHarness.start(
                ["BOSS_METRICS_ADDR": "127.0.0.1:0"],
                media: [
                    "/media/cat.png": .bytes(CLIHarness.png, contentType: "image/png"),
                    "/media/slow.png": .slow(
                        bytes: CLIHarness.png, chunkSize: 10_000, delay: .milliseconds(400)),
                ])
        ) { harness in
            let base = try await harness.metricsBase()
            harness.say("$dl \(harness.media.url("/media/cat.png"))", id: "9301")
            #expect(await harness.reply(to: "9301") { !$0.attachments.isEmpty } != nil)
            harness.say("$dl \(harness.media.url("/media/slow.png"))", id: "9302")  // in flight while drawn

            let shot = harness.cli.root + "/dashboard.png"
            _ = try await Self.chromium(binary, ["--screenshot=\(shot)"], url: base + "/")
            let png = try [UInt8](Data(contentsOf: URL(fileURLWithPath: shot)))
            #expect(png.starts(with: MediaSamples.png), "not a PNG")
            let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
            let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
            #expect(width == 1280 && height == 900)
            #expect(png.count > 20_000, "a page with drawn charts compresses to more than a blank one")

            let dom = try await Self.chromium(binary, ["--dump-dom"], url: base + "/")
            #expect(
                dom.contains("<title>Boss-Bot dashboard: live</title>"),
                "charts did not draw:\n\(dom.prefix(3000))")
            let canvases = dom.components(separatedBy: "<canvas").dropFirst().filter {
                !$0.hasPrefix(#" id="${"#)
            }
            #expect(canvases.count == 5)
            for canvas in canvases {
                let points = Int(Self.attribute("data-points", in: canvas) ?? "") ?? 0
                let ink = Int(Self.attribute("data-ink", in: canvas) ?? "") ?? 0
                #expect(points >= 2 && ink > 100, "a chart drew nothing: \(canvas.prefix(200))")
            }
        }
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        guard let start = tag.range(of: name + "=\"") else { return nil }
        return String(tag[start.upperBound...].prefix { $0 != "\"" })
    }
}
