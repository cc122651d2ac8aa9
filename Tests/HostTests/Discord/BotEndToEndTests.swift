import Foundation
import TestSupport
import Testing

/// The whole bot: `boss-host run` against the fake Discord (gateway and REST over real sockets), the
/// direct-link plugin, a media server.
@Suite("Bot end to end", .serialized)
struct BotEndToEndTests {
    static let png = CLIHarness.png

    @Test(
        "$dl posts the file back as a reply whose attachment equals the source, and registers slash commands")
    func downloadPostsTheFile() async throws {
        try await withHarness(
            BotHarness.start(media: [
                "/media/cat.png": .bytes(Self.png, contentType: "image/png")
            ])
        ) { harness in
            #expect(
                Set(harness.discord.rest.registeredCommandNames).isSuperset(of: [
                    "download", "queue", "cancel", "help",
                ]))
            let identify = try #require(harness.discord.gateway.received(op: 2).first)
            #expect(identify["intents"] as? Int == 37_377)
            harness.say("$dl <\(harness.media.url("/media/cat.png"))>", id: "5001")
            let delivered = await harness.reply(to: "5001") { !$0.attachments.isEmpty }
            let message = try #require(delivered, "no reply with files; bot log:\n\(harness.bot.stderr)")
            #expect(message.attachments.count == 1)
            #expect(
                message.attachments.first?.bytes.elementsEqual(Self.png) == true, "attachment bytes differ")
            #expect(message.attachments.first?.name.hasSuffix(".png") == true)
            #expect(message.history.first?.hasPrefix("⏳ Queued") == true)
            #expect(!harness.bot.stderr.contains(BotHarness.token))
        }
    }

    @Test("a spoilered link comes back as a spoiler attachment")
    func spoilerLink() async throws {
        try await withHarness(
            BotHarness.start(media: [
                "/media/cat.png": .bytes(Self.png, contentType: "image/png")
            ])
        ) { harness in
            harness.say("$download ||\(harness.media.url("/media/cat.png"))||", id: "5002")
            let message = try #require(await harness.reply(to: "5002") { !$0.attachments.isEmpty })
            #expect(message.attachments.first?.name.hasPrefix("SPOILER_") == true)
        }
    }

    @Test("a file over the channel's upload limit is not dropped silently: the user is told")
    func overUploadLimit() async throws {
        let big = MediaSamples.png + [UInt8](repeating: 1, count: 1_600_000)
        try await withHarness(
            BotHarness.start(
                ["BOSS_UPLOAD_LIMIT_MB": "1"],
                media: ["/media/big.png": .bytes(big, contentType: "image/png")])
        ) { harness in
            harness.say("$dl \(harness.media.url("/media/big.png"))", id: "5003")
            let message = try #require(
                await harness.reply(to: "5003") { $0.content.contains("upload limit") })
            #expect(message.content.contains("1.0 MB upload limit"))
            #expect(message.attachments.isEmpty)
        }
    }

    @Test("commands answer at once: unknown names get a hint, non-links a specific error, DMs a refusal")
    func immediateAnswers() async throws {
        try await withHarness(BotHarness.start(["BOSS_USER_RATE_LIMIT": "1/60"])) { harness in
            harness.say("$downlaod x", id: "6001")
            #expect(await harness.reply(to: "6001")?.content.contains("Did you mean `$download`?") == true)
            harness.say("$dl not-a-link", id: "6002")
            #expect(await harness.reply(to: "6002")?.content.contains("`not-a-link` is not a link") == true)
            harness.say("$ping", id: "6003", guild: nil)
            #expect(await harness.reply(to: "6003")?.content.contains("not in direct messages") == true)
            harness.say("<@900> help", id: "6004")
            #expect(await harness.reply(to: "6004")?.content.contains("Boss-Bot") == true)
            harness.say("$dl http://127.0.0.1:9/a.png", id: "6005")
            #expect(await harness.reply(to: "6005") != nil)
            harness.say("$dl http://127.0.0.1:9/b.png", id: "6006")
            #expect(await harness.reply(to: "6006")?.content.contains("Slow down") == true)
            #expect(harness.bot.stderr.contains("security_event=rate_limited"))
        }
    }

    @Test("a slash command is deferred at once, then answered with the file")
    func slashCommand() async throws {
        try await withHarness(
            BotHarness.start(media: [
                "/media/cat.png": .bytes(Self.png, contentType: "image/png")
            ])
        ) { harness in
            let url = harness.media.url("/media/cat.png")
            harness.discord.gateway.dispatch(
                "INTERACTION_CREATE",
                #"{"id":"7001","application_id":"800","type":2,"token":"itoken","guild_id":"5","channel_id":"10","#
                    + #""member":{"roles":[],"user":{"id":"42","username":"u"}},"attachment_size_limit":10485760,"#
                    + #""data":{"name":"download","options":[{"name":"url","type":3,"value":"\#(url)"}]}}"#)
            // Checked outside `#expect`: inside this closure, the macro's nested closures crash the
            // compiler (Swift 6.3.1, AccessEnforcementSelection).
            let deferred = await eventually {
                harness.discord.rest.requests.contains { $0.path == "/interactions/7001/callback" }
            }
            #expect(deferred)
            var answer: FakeMessage?
            _ = await eventually(within: .seconds(30)) {
                answer = harness.discord.rest.messages.first {
                    $0.channelID == "webhook:itoken" && !$0.attachments.isEmpty
                }
                return answer != nil
            }
            #expect(
                answer?.attachments.first?.bytes.elementsEqual(Self.png) == true, "attachment bytes differ")
        }
    }

    @Test(
        "a slash command with two links answers the first in the original response, the second in a follow-up"
    )
    func slashCommandTwoLinks() async throws {
        try await withHarness(
            BotHarness.start(media: [
                "/media/a.png": .bytes(Self.png, contentType: "image/png"),
                "/media/b.png": .bytes(Self.png, contentType: "image/png"),
            ])
        ) { harness in
            let links = harness.media.url("/media/a.png") + " " + harness.media.url("/media/b.png")
            harness.discord.gateway.dispatch(
                "INTERACTION_CREATE",
                #"{"id":"7002","application_id":"800","type":2,"token":"tok2","guild_id":"5","channel_id":"10","#
                    + #""member":{"roles":[],"user":{"id":"43","username":"u"}},"#
                    + #""data":{"name":"download","options":[{"name":"url","type":3,"value":"\#(links)"}]}}"#)
            var answers: [FakeMessage] = []
            _ = await eventually(within: .seconds(30)) {
                answers = harness.discord.rest.messages.filter {
                    $0.channelID == "webhook:tok2" && !$0.attachments.isEmpty
                }
                return answers.count == 2
            }
            #expect(answers.count == 2, "log:\n\(harness.bot.stderr)")
            #expect(
                harness.discord.rest.requests.contains {
                    $0.method == "POST" && $0.path == "/webhooks/followup"
                })
        }
    }
}
