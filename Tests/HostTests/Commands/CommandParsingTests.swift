import BossBot
import BossDiscord
import Testing

@Suite("Command parsing")
struct CommandParsingTests {
    let parser = CommandParser(prefix: "$", botUserID: "900")

    @Test(
        "commands after the prefix or a mention",
        arguments: [
            ("$dl https://a.example/x", "dl", ["https://a.example/x"]),
            ("  $DOWNLOAD   a\nb ", "download", ["a", "b"]),
            ("<@900> queue", "queue", []),
            ("<@!900>   cancel 12", "cancel", ["12"]),
            ("<@900>", "help", []),
        ])
    func recognised(_ content: String, _ name: String, _ arguments: [String]) {
        #expect(parser.parse(content) == ParsedCommand(name: name, arguments: arguments))
    }

    @Test("messages not for the bot", arguments: ["hello", "$ 5 dollars", "$", "<@901> dl x", "dl $x", ""])
    func ignored(_ content: String) {
        #expect(parser.parse(content) == nil)
    }

    @Test("unknown commands suggest the nearest name")
    func unknownCommand() {
        #expect(
            BotCommand(ParsedCommand(name: "downlaod", arguments: []))
                == .unknown(name: "downlaod", suggestion: "download"))
        #expect(
            BotCommand(ParsedCommand(name: "xyzzy", arguments: []))
                == .unknown(name: "xyzzy", suggestion: nil))
        #expect(BotCommand(ParsedCommand(name: "dl", arguments: ["u"])) == .download(arguments: ["u"]))
        #expect(BotCommand(ParsedCommand(name: "reload", arguments: [])).isAdminOnly)
    }

    @Test(
        "links: no-embed brackets, spoilers, trailing punctuation, several per message",
        arguments: [
            (["<https://x.com/a/status/1>"], [RequestedLink(url: "https://x.com/a/status/1")]),
            (["||https://x.com/a||"], [RequestedLink(url: "https://x.com/a", isSpoiler: true)]),
            (["||<https://x.com/a>||"], [RequestedLink(url: "https://x.com/a", isSpoiler: true)]),
            (
                ["https://a.example/p.jpg,", "https://b.example/q."],
                [
                    RequestedLink(url: "https://a.example/p.jpg"), RequestedLink(url: "https://b.example/q"),
                ]
            ),
            (
                ["(https://en.wikipedia.org/wiki/Swift_(language))"],
                [
                    RequestedLink(url: "https://en.wikipedia.org/wiki/Swift_(language)")
                ]
            ),
            (["https://a.example/x", "https://a.example/x"], [RequestedLink(url: "https://a.example/x")]),
        ])
    func links(_ words: [String], _ expected: [RequestedLink]) {
        let parsed = LinkParser.parse(words)
        #expect(parsed.links == expected)
        #expect(parsed.rejected.isEmpty)
    }

    @Test(
        "what is not an http(s) link is rejected",
        arguments: ["ftp://a.example/x", "not-a-link", "https://", "javascript:alert(1)"])
    func rejected(_ word: String) {
        let parsed = LinkParser.parse([word])
        #expect(parsed.links.isEmpty)
        #expect(parsed.rejected == [word])
    }
}
