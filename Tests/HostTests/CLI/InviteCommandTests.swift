import Foundation
import TestSupport
import Testing

@Suite("boss-host invite")
struct InviteCommandTests {
    static let permissions = "permissions=274878024704"

    @Test("asks Discord for the application ID with the token, and prints the authorize URL")
    func fromDiscord() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try await withHarness(FakeDiscord.start(applicationID: "800")) { discord in
            let result = try await cli.run(
                ["invite"], ["DISCORD_TOKEN": "invite-token.1", "BOSS_DISCORD_API_URL": discord.apiURL])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                    == "https://discord.com/oauth2/authorize?client_id=800&scope=bot%20applications.commands&"
                    + Self.permissions)
            #expect(discord.rest.requests.map(\.path) == ["/applications/@me"])
            #expect(discord.rest.requests.first?.headers["authorization"] == "Bot invite-token.1")
        }
    }

    @Test("--app-id skips the network")
    func explicitID() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try await withHarness(FakeDiscord.start(applicationID: "800")) { discord in
            let result = try await cli.run(
                ["invite", "--app-id", "4242"],
                ["DISCORD_TOKEN": "invite-token.1", "BOSS_DISCORD_API_URL": discord.apiURL])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.stdout.contains("client_id=4242&scope=bot%20applications.commands&" + Self.permissions)
            )
            #expect(discord.rest.requests.isEmpty)
        }
    }

    @Test("a token Discord rejects: exit 2, saying so")
    func rejectedToken() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try await withHarness(FakeDiscord.start()) { discord in
            discord.rest.script(pathContains: "/applications/@me", .status(401))
            let result = try await cli.run(
                ["invite"], ["DISCORD_TOKEN": "stale-token.9", "BOSS_DISCORD_API_URL": discord.apiURL])
            #expect(result.status == 2)
            #expect(result.stderr.contains("rejected DISCORD_TOKEN"))
            #expect(!result.stderr.contains("stale-token.9"))
        }
    }

    @Test("neither a token nor --app-id: exit 2 with instructions")
    func nothingToGoOn() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let result = try await cli.run(["invite"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--app-id") && result.stderr.contains("DISCORD_TOKEN"))
        #expect(result.stdout.isEmpty)
    }

    @Test("a non-numeric --app-id is a usage error")
    func badID() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let result = try await cli.run(["invite", "--app-id", "abc"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("numeric"))
    }
}
