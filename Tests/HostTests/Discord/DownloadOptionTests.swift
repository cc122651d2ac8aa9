import BossBot
import BossDiscord
import Foundation
import TestSupport
import Testing

@Suite("Download options: --audio and --quality reach the plugin", .serialized)
struct DownloadOptionTests {
    @Test("slash options become the prefix command's words")
    func slashOptions() {
        let data = Interaction.CommandData(
            name: "download",
            options: [
                .init(name: "url", value: "https://a.example/x https://b.example/y"),
                .init(name: "audio", value: "true"), .init(name: "quality", value: "720"),
            ])
        #expect(
            SlashCommands.parsed(data).arguments
                == ["https://a.example/x", "https://b.example/y", "--audio", "--quality", "720"])
        let json = #"{"name":"download","options":[{"name":"audio","type":5,"value":false}]}"#
        let decoded = try? JSONDecoder().decode(Interaction.CommandData.self, from: Data(json.utf8))
        #expect(decoded.map(SlashCommands.parsed)?.arguments == [])
    }

    @Test("`$dl --quality 720p URL`: the plugin reads 720 and the channel's limit; a bad quality is named")
    func endToEnd() async throws {
        try await withHarness(
            BotHarness.start(
                media: ["/cat.png": .bytes(CLIHarness.png, contentType: "image/png")],
                plugins: ["behaviour_plugin.c"])
        ) { harness in
            let url = harness.media.url("/options/") + harness.media.url("/cat.png")
            harness.say("$dl --quality 720p \(url)", id: "8901")
            let reply = await harness.reply(to: "8901") { !$0.attachments.isEmpty }
            let content = try #require(reply?.content, "no delivery; log:\n\(harness.bot.stderr)")
            // The behaviour plugin titles the file with the quality and signs it with max_bytes.
            #expect(content.contains("**720** · by 10485760"), "\(content)")
            harness.say("$dl --quality 4k \(url)", id: "8902")
            let refused = await harness.reply(to: "8902") { $0.content.contains("not a quality") }
            #expect(refused?.content.contains("`480`, `720`, `1080`, `best`") == true)
        }
    }
}
