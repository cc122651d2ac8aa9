import Foundation
import TestSupport
import Testing

/// With all five plugins installed, `fetch --dry-run` sends the video sites to yt-dlp and leaves
/// Twitter, Reddit and direct media links where they were. Nothing reaches the internet: yt-dlp is a
/// stand-in and the Twitter and Reddit APIs point at a local server.
@Suite("boss-host fetch --dry-run: which links go to yt-dlp")
struct YtDlpRoutingTests {
    static let products = [
        "TwitterExtractor", "RedditExtractor", "GalleryDLExtractor", "YtDlpExtractor",
    ]

    static let toYtDlp = [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ",
        "https://www.youtube.com/shorts/dQw4w9WgXcQ",
        "https://www.tiktok.com/@someone/video/7234567890123456789",
        "https://www.instagram.com/reel/C1a2B3c4D5e/", "https://clips.twitch.tv/FunnyClipSlug-abc123",
        "https://vimeo.com/76979871", "https://soundcloud.com/some-artist/some-track",
        "https://video.cdn.example/watch/clip/playlist.m3u8",
    ]

    @Test("video and audio sites route to ytdlp; Twitter, Reddit and direct media stay with their plugins")
    func routes() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        for product in Self.products {
            try FileManager.default.copyItem(
                atPath: BuildProducts.directory + "/lib\(product).so",
                toPath: cli.plugins + "/lib\(product).so")
        }
        try await withHarness(TestHTTPServer.start(["/m/cat.png": .bytes(CLIHarness.png)])) { server in
            let standIn = cli.root + "/yt-dlp"
            try "#!/bin/sh\necho 'ERROR: Unsupported URL' >&2\nexit 1\n".write(
                toFile: standIn, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: standIn)
            let direct = server.url("/m/cat.png")
            let stay = [
                ("https://x.com/jack/status/20", "twitter"),
                ("https://www.reddit.com/r/pics/comments/1abcde/a_title/", "reddit"),
                (direct, "direct"), ("https://www.deviantart.com/artist/art/title-123456", "gallerydl"),
            ]
            let local = "http://127.0.0.1:\(server.port)"
            let result = try await cli.run(
                ["fetch", "--dry-run"] + Self.toYtDlp + stay.map(\.0),
                [
                    "BOSS_PLUGIN_YTDLP_BIN": standIn, "BOSS_PLUGIN_GALLERYDL_BIN": standIn,
                    "BOSS_PLUGIN_TWITTER_API_URL": local, "BOSS_PLUGIN_REDDIT_API_URL": local,
                ])
            #expect(result.status == 0, "\(result.stderr)")
            let routed = Dictionary(
                result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.compactMap { line in
                    let parts = line.split(separator: "\t")
                    return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
                }, uniquingKeysWith: { first, _ in first })
            for url in Self.toYtDlp { #expect(routed[url] == "ytdlp", "\(url): \(routed[url] ?? "nothing")") }
            for (url, plugin) in stay {
                #expect(routed[url] == plugin, "\(url): \(routed[url] ?? "nothing")")
            }
            #expect(result.stdout.contains("would fetch \(direct)"))
        }
    }
}
