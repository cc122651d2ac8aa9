import BossDiscord
import Foundation
import TestSupport
import Testing

/// Text from outside the bot reaches Discord as written: site titles and authors, file names and
/// the user's own words cannot format, hide links, break out of code spans or mention anyone.
@Suite("Outside text in messages", .serialized)
struct MarkdownEscapingTests {
    @Test("escape: every markdown character is backslash-escaped and the text stays on one line")
    func escape() {
        #expect(Markdown.escape("[x](https://e.example)") == #"\[x\]\(https\://e.example\)"#)
        #expect(Markdown.escape("**a** _b_ ~~c~~ ||d|| `e`") == #"\*\*a\*\* \_b\_ \~\~c\~\~ \|\|d\|\| \`e\`"#)
        #expect(Markdown.escape("<@42> @everyone <#7>") == ##"\<\@42\> \@everyone \<\#7\>"##)
        #expect(Markdown.escape("a\n# h\r\n> q\u{2028}- l \\") == ##"a \# h  \> q \- l \\"##)
        #expect(Markdown.escape("plain words, 100% ✓") == "plain words, 100% ✓")
    }

    @Test("code: a backtick cannot end the span, and a line break cannot leave it")
    func code() {
        #expect(Markdown.code("a`b") == "`a\u{2CB}b`")
        #expect(Markdown.code("``` **x**\n@everyone") == "`\u{2CB}\u{2CB}\u{2CB} **x** @everyone`")
        #expect(Markdown.code("") == "` `")
    }

    @Test("link: brackets and spaces are percent-encoded so the link stays one suppressed link")
    func link() {
        #expect(Markdown.link("https://e.example/a") == "<https://e.example/a>")
        let hostile = Markdown.link("https://e.example/a> **x** <b\n")
        #expect(hostile == "<https://e.example/a%3E%20**x**%20%3Cb%0A>")
    }

    @Test("a site's title and author, and a file name, show as written in the delivered message")
    func siteText() async throws {
        try await withHarness(
            BotHarness.start(
                media: ["/cat.png": .bytes(CLIHarness.png, contentType: "image/png")],
                plugins: ["behaviour_plugin.c"])
        ) { harness in
            // The file is named, not sent.
            harness.discord.rest.uploadLimit.store(100_000, ordering: .relaxed)
            harness.say("$dl \(harness.media.url("/markdown/"))\(harness.media.url("/cat.png"))", id: "8801")
            let reply = await harness.reply(to: "8801") { $0.content.contains("too large") }
            let content = try #require(reply?.content, "no delivery; log:\n\(harness.bot.stderr)")
            #expect(
                content.contains(#"\[click me\]\(https\://evil.example\) \*\*loud\*\* \<\@42\> \@everyone"#))
            #expect(content.contains(##"by \`x\` \# heading"##) && !content.contains("\n# heading"))
            #expect(content.contains("`a\u{2CB}b.png`"))
            let mentions = try #require(reply?.payload["allowed_mentions"] as? [String: Any])
            #expect((mentions["parse"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("the user's own words echoed back stay inside their code span")
    func userWords() async throws {
        try await withHarness(BotHarness.start()) { harness in
            harness.say("$fo`o **x**", id: "8811")
            harness.say("$dl `x` <@42>", id: "8812")
            harness.say("$dl \(harness.media.url("/gone.png")) `y`@everyone", id: "8813")
            let unknown = try #require(await harness.reply(to: "8811")?.content)
            #expect(unknown.contains("Unknown command `fo\u{2CB}o`"), "\(unknown)")
            let notLink = try #require(await harness.reply(to: "8812")?.content)
            #expect(notLink.contains("`\u{2CB}x\u{2CB}` is not a link"), "\(notLink)")
            // The job edits this reply at once: its first text is the one that names the ignored word.
            let queued = try #require(await harness.reply(to: "8813")?.history.first)
            #expect(queued.contains("ignored: `\u{2CB}y\u{2CB}@everyone`"), "\(queued)")
        }
    }
}
