import BossCore
import Foundation
import PluginABI
import TestSupport
import Testing

/// The format yt-dlp is told to pick follows the job's options: best quality under the destination's
/// size limit, a height cap for `quality`, audio only for `audio`; and it runs with the host's config only.
@Suite("yt-dlp plugin: the arguments chosen for the job's options")
struct YtDlpFormatTests {
    /// Runs a stand-in that records its argv and says the URL is unsupported; returns that argv.
    func argv(_ options: JobOptions, url: String = "https://www.youtube.com/watch?v=dQw4w9WgXcQ") async throws
        -> (
            argv: [String], config: String
        )
    {
        return try await withHarness(ExtractionHarness.with(product: "YtDlpExtractor")) { harness in
            let fake = try YtDlpSupport.standIn(
                harness,
                "p=; for a in \"$@\"; do [ \"$p\" = --config-locations ] && cp \"$a\" '\(harness.root)/config.txt'; p=$a; done\n"
                    + "echo 'ERROR: Unsupported URL: x' >&2\nexit 1\n")
            let runtime = try harness.runtime(extra: [YtDlpSupport.bin: fake])
            await #expect(throws: ExtractionError.self) {
                try await YtDlpSupport.extract(runtime, url, options: options)
            }
            let argv = try YtDlpSupport.argv(harness)
            let config = try String(contentsOfFile: harness.root + "/config.txt", encoding: .utf8)
            return (argv, config)
        }
    }

    static func size(_ bytes: Int64) -> String { "[filesize<?\(bytes)][filesize_approx<?\(bytes)]" }

    @Test("10 MiB: best video under 7/8 of it plus audio under 1/8, else best single file under it")
    func tenMiB() async throws {
        let (argv, _) = try await argv(JobOptions(maxBytes: 10 << 20))
        let video = Self.size(9_175_040)
        let audio = Self.size(1_310_720)
        let whole = Self.size(10_485_760)
        #expect(YtDlpSupport.value(of: "-f", in: argv) == "bv*\(video)+ba\(audio)/b\(whole)/wv*+wa/w")
        #expect(YtDlpSupport.value(of: "--merge-output-format", in: argv) == "mp4")
        #expect(YtDlpSupport.value(of: "-S", in: argv) == "vcodec:h264,res,acodec:aac")
        #expect(!argv.contains("-x"))
    }

    @Test("50 MiB: the same choice with the larger limit")
    func fiftyMiB() async throws {
        let (argv, _) = try await argv(JobOptions(maxBytes: 50 << 20))
        let expected =
            "bv*\(Self.size(45_875_200))+ba\(Self.size(6_553_600))/b\(Self.size(52_428_800))/wv*+wa/w"
        #expect(YtDlpSupport.value(of: "-f", in: argv) == expected)
    }

    @Test("quality 720 caps the height of every choice; no limit given: no size filter")
    func quality720() async throws {
        let (argv, _) = try await argv(JobOptions(quality: "720"))
        #expect(YtDlpSupport.value(of: "-f", in: argv) == "bv*[height<=?720]+ba/b[height<=?720]/w")
        let best = try await self.argv(JobOptions(quality: "best"))
        #expect(YtDlpSupport.value(of: "-f", in: best.argv) == "bv*+ba/b")
    }

    @Test("audio: the best m4a (mp3 kept as mp3) under the limit, extracted with ffmpeg")
    func audioOnly() async throws {
        let (argv, _) = try await argv(JobOptions(audioOnly: true, quality: "720", maxBytes: 8 << 20))
        let fits = Self.size(8_388_608)
        #expect(YtDlpSupport.value(of: "-f", in: argv) == "ba[ext=m4a]\(fits)/ba\(fits)/b\(fits)/wa/w")
        #expect(argv.contains("-x") && YtDlpSupport.value(of: "--audio-format", in: argv) == "mp3>mp3/m4a")
        #expect(!argv.contains("--merge-output-format"))
    }

    @Test("only the host's config file (with the proxy) applies; no credentials in argv; one video, not live")
    func configAndSafety() async throws {
        let (argv, config) = try await argv(JobOptions())
        #expect(Array(argv.prefix(3)).first == "--ignore-config")
        #expect(YtDlpSupport.value(of: "--config-locations", in: argv)?.hasSuffix("/yt-dlp.conf") == true)
        #expect(config.hasPrefix("--proxy 'http://job-") && config.contains("@127.0.0.1:"))
        let credentials = try #require(config.split(separator: "'").dropFirst().first?.dropFirst(7))
        #expect(!argv.contains { $0.contains(credentials) })
        #expect(
            argv.contains("--no-playlist")
                && YtDlpSupport.value(of: "--match-filters", in: argv) == "!is_live")
        #expect(YtDlpSupport.value(of: "-f", in: argv) == "bv*+ba/b")
        #expect(argv.suffix(2) == ["--", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"])
    }

    @Test(
        "as the chain's fallback (a link none of its patterns claims), only yt-dlp's generic extractor runs")
    func fallbackUsesGenericOnly() async throws {
        let page = try await argv(JobOptions(), url: "http://127.0.0.1:9/articles/page.html")
        #expect(
            YtDlpSupport.value(of: "--use-extractors", in: page.argv)
                == "generic,html5,youtube,vimeo,dailymotion,streamable")
        let claimed = try await argv(JobOptions())
        #expect(!claimed.argv.contains("--use-extractors"))
    }
}
