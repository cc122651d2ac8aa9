import BossCore
import Foundation
import PluginABI
import TestSupport
import Testing

/// Malformed and mutated links through the routing of every bundled plugin, then through the claiming
/// plugin itself against an API that answers garbage: no crash, and every failure is a clear error.
@Suite("URL fuzzing across the bundled plugins")
struct URLFuzzTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seeds = [
        "https://x.com/jack/status/20", "https://www.reddit.com/r/pics/comments/abc123/title/",
        "https://redd.it/abc123", "https://v.redd.it/abc123", "https://i.redd.it/x.jpg",
        "https://www.reddit.com/gallery/abc123", "https://fxtwitter.com/i/status/20/photo/1",
        "https://example.com/media/cat.jpg",
    ]
    static let alphabet = Array(
        "/:?#&=%.@[]-_~!$'()*+,;0123456789abcxyzXYZ é\u{0}\u{7F}ü\u{1F600}\\\"<>|^`{}")

    /// `count` mutations of the seeds: characters inserted, replaced or deleted, parts repeated.
    static func mutations(count: Int, seed: UInt64) -> [String] {
        var random = SplitMix(state: seed)
        return (0..<count).map { _ in
            var text = Array(seeds.randomElement(using: &random)!)
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let index = Int.random(in: 0...text.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: text.insert(alphabet.randomElement(using: &random)!, at: index)
                case 1 where index < text.count: text[index] = alphabet.randomElement(using: &random)!
                case 2 where index < text.count: text.remove(at: index)
                default:
                    text += Array(String(repeating: "/a%2F", count: Int.random(in: 1...300, using: &random)))
                }
            }
            return String(text)
        }
    }

    @Test("routing 2,000 mutated links never crashes, and every claimed one yields a result or a clear error")
    func mutatedLinks() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            for product in ["TwitterExtractor", "RedditExtractor", "DirectMediaExtractor"] {
                try harness.installPlugin(product: product)
            }
            harness.server.setRoute(
                "/tweet-result", .bytes(Array("{\"__typename\":".utf8), contentType: "application/json"))
            let runtime = try harness.runtime(
                extra: [
                    "BOSS_PLUGIN_TWITTER_API_URL": harness.base, "BOSS_PLUGIN_REDDIT_API_URL": harness.base,
                ])
            _ = runtime.loader.loadAll()
            let links = Self.mutations(count: 2000, seed: 42)
            var claimed: [String] = []
            for link in links where runtime.registry.route(link) != nil { claimed.append(link) }
            #expect(claimed.count > 100, "the mutations should still hit the plugins' patterns often")
            for (index, link) in claimed.prefix(60).enumerated() {
                do throws(ExtractionError) {
                    _ = try await runtime.extract(link, job: Int64(index + 1))
                } catch {
                    #expect(!error.userMessage.isEmpty, "no message for \(link)")
                    #expect(error.category != .internal, "\(link): \(error)")
                }
            }
        }
    }
}
