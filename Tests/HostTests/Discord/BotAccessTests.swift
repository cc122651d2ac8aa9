import Foundation
import TestSupport
import Testing

/// Who sees and may do what: `$queue` per server, DMs under the role rule, per-user limits.
@Suite("Bot access and privacy", .serialized)
struct BotAccessTests {
    static let png = CLIHarness.png

    /// The texts of the bot's messages answering message `id`, each as first posted.
    static func answers(_ harness: BotHarness, to id: String) -> [String] {
        harness.discord.rest.messages.filter { $0.replyTo == id }.compactMap(\.history.first)
    }

    @Test("$queue lists only this server's jobs (in a DM: only the user's own), spoilered links hidden")
    func queueIsScoped() async throws {
        try await withHarness(
            BotHarness.start(
                ["BOSS_MAX_CONCURRENT": "1", "BOSS_ALLOW_DMS": "1"],
                media: [
                    "/media/slow.png": .slow(bytes: Self.png, chunkSize: 5_000, delay: .milliseconds(500)),
                    "/media/secret.png": .bytes(Self.png, contentType: "image/png"),
                    "/media/other.png": .bytes(Self.png, contentType: "image/png"),
                    "/media/private.png": .bytes(Self.png, contentType: "image/png"),
                ])
        ) { harness in
            let (slow, secret) = (
                harness.media.url("/media/slow.png"), harness.media.url("/media/secret.png")
            )
            let (other, dm) = (harness.media.url("/media/other.png"), harness.media.url("/media/private.png"))
            harness.say("$dl \(slow)", id: "8201")
            let started = await harness.reply(to: "8201") { $0.content.contains("⬇️") }
            #expect(started != nil, "the slow download did not start:\n\(harness.bot.stderr.suffix(3000))")
            harness.say("$dl ||\(secret)||", id: "8202", author: "43")
            harness.say("$dl \(other)", id: "8203", author: "44", channel: "20", guild: "6")
            harness.say("$dl \(dm)", id: "8204", author: "45", channel: "30", guild: nil)
            for id in ["8202", "8203", "8204"] { #expect(await harness.reply(to: id) != nil) }
            harness.say("$queue", id: "8205")
            let here = try #require(await harness.reply(to: "8205")).content
            #expect(here.contains(slow) && here.contains("spoiler"), "\(here)")
            #expect(!here.contains(secret) && !here.contains(other) && !here.contains(dm), "\(here)")
            harness.say("$queue", id: "8206", author: "44", channel: "20", guild: "6")
            let there = try #require(await harness.reply(to: "8206")).content
            #expect(there.contains(other), "\(there)")
            #expect(!there.contains(slow) && !there.contains(secret) && !there.contains(dm), "\(there)")
            harness.say("$queue", id: "8207", author: "45", channel: "30", guild: nil)
            let direct = try #require(await harness.reply(to: "8207")).content
            #expect(direct.contains(dm), "\(direct)")
            #expect(
                !direct.contains(slow) && !direct.contains(secret) && !direct.contains(other), "\(direct)")
        }
    }

    @Test("with BOSS_ALLOWED_ROLES, a DM is served only to a member holding one in a server the bot shares")
    func directMessagesNeedAnAllowedRole() async throws {
        try await withHarness(BotHarness.start(["BOSS_ALLOW_DMS": "1", "BOSS_ALLOWED_ROLES": "700"])) {
            harness in
            harness.discord.rest.addMember(guild: "5", user: "42", roles: ["701"])
            harness.discord.rest.addMember(guild: "6", user: "42", roles: ["700"])
            harness.discord.rest.addMember(guild: "5", user: "43", roles: ["701"])
            harness.say("$ping", id: "8301", author: "42", channel: "31", guild: nil)
            #expect(await harness.reply(to: "8301")?.content.contains("Pong") == true)
            harness.say("$ping", id: "8302", author: "43", channel: "32", guild: nil)
            let member = await harness.reply(to: "8302")?.content
            #expect(
                member?.contains("⛔") == true && member?.contains("role") == true, "\(member ?? "no reply")")
            harness.say("$ping", id: "8303", author: "46", channel: "33", guild: nil)
            #expect(await harness.reply(to: "8303")?.content.contains("⛔") == true)
            #expect(harness.discord.rest.requests.contains { $0.path == "/guilds/5/members/43" })
            #expect(harness.bot.stderr.contains("security_event=refused_user"))
            harness.say("$ping", id: "8304", author: "43", channel: "34", guild: "5", roles: ["700"])
            #expect(
                await harness.reply(to: "8304")?.content.contains("Pong") == true, "servers are unchanged")
        }
    }

    @Test("with BOSS_ALLOWED_GUILDS too, only those servers count, and one the bot is not in is skipped")
    func directMessagesInAllowedGuilds() async throws {
        try await withHarness(
            BotHarness.start([
                "BOSS_ALLOW_DMS": "1", "BOSS_ALLOWED_ROLES": "700", "BOSS_ALLOWED_GUILDS": "4,5",
            ])
        ) { harness in
            harness.discord.rest.addMember(guild: "5", user: "42", roles: ["700"])
            harness.discord.rest.addMember(guild: "6", user: "43", roles: ["700"])
            harness.say("$ping", id: "8311", author: "42", channel: "31", guild: nil)
            let member = await harness.reply(to: "8311")?.content
            #expect(member?.contains("Pong") == true, "\(member ?? "no reply")")
            harness.say("$ping", id: "8312", author: "43", channel: "32", guild: nil)
            #expect(await harness.reply(to: "8312")?.content.contains("⛔") == true, "server 6 is not allowed")
            #expect(!harness.discord.rest.requests.contains { $0.path.hasPrefix("/guilds/6/") })
        }
    }

    @Test(
        "one user's waiting jobs are capped (BOSS_MAX_QUEUE_PER_USER) with a clear reply; others still queue")
    func perUserCap() async throws {
        try await withHarness(
            BotHarness.start(
                [
                    "BOSS_MAX_CONCURRENT": "1", "BOSS_MAX_QUEUE_PER_USER": "2",
                    "BOSS_USER_RATE_LIMIT": "100/60",
                ],
                media: [
                    "/media/slow.png": .slow(bytes: Self.png, chunkSize: 5_000, delay: .milliseconds(500))
                ])
        ) { harness in
            harness.say("$dl \(harness.media.url("/media/slow.png"))", id: "8401")
            #expect(await harness.reply(to: "8401") { $0.content.contains("⬇️") } != nil)
            let links = (1...3).map { "http://127.0.0.1:9/\($0).png" }
            harness.say("$dl " + links.joined(separator: " "), id: "8402")
            var refused: FakeMessage?
            _ = await eventually {
                refused = harness.discord.rest.messages.first {
                    $0.replyTo == "8402" && $0.content.contains("❌")
                }
                return refused != nil
            }
            let text = try #require(refused, "no refusal:\n\(harness.bot.stderr.suffix(3000))").content
            #expect(text.contains("2 downloads waiting") && text.contains(links[2]), "\(text)")
            #expect(Self.answers(harness, to: "8402").filter { $0.hasPrefix("⏳ Queued") }.count == 3)
            harness.say("$dl http://127.0.0.1:9/other.png", id: "8403", author: "43")
            let other = await harness.reply(to: "8403")
            #expect(other?.history.first?.hasPrefix("⏳ Queued") == true)
            #expect(other?.content.contains("waiting") != true, "another user is not capped by the first one")
        }
    }

    @Test("more links than the rate limit allows: the allowed ones are queued, the rest named with why")
    func linksBeyondTheRateLimit() async throws {
        // The default limit: 5 downloads per 60 s.
        try await withHarness(BotHarness.start()) { harness in
            let links = (1...7).map { "http://127.0.0.1:9/\($0).png" }
            harness.say("$dl " + links.joined(separator: " "), id: "8501")
            var notice: FakeMessage?
            _ = await eventually {
                notice = harness.discord.rest.messages.first {
                    $0.replyTo == "8501" && $0.content.contains("Not queued")
                }
                return notice != nil
            }
            let text = try #require(notice, "no notice:\n\(harness.bot.stderr.suffix(3000))").content
            #expect(text.contains(links[5]) && text.contains(links[6]) && !text.contains(links[4]), "\(text)")
            #expect(text.contains("5 downloads per 60 s"), "\(text)")
            #expect(
                await eventually {
                    Self.answers(harness, to: "8501").filter { $0.hasPrefix("⏳ Queued") }.count == 5
                })
            #expect(
                Self.answers(harness, to: "8501").filter { $0.contains(links[5]) && $0.hasPrefix("⏳") }
                    .isEmpty)
        }
    }
}
