import BossCore
import Foundation
import Testing

@Suite("Plugin loading: validation, failures that leave the host running, routing")
struct PluginLoaderTests {
    @Test("a valid C plugin loads with its manifest")
    func validPlugin() throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        try harness.fixture(
            "libgood.so",
            ["FIXTURE_ID": quoted("good"), "FIXTURE_VERSION": quoted("2.1.0"), "FIXTURE_PRIORITY": "7"])
        let result = harness.loader().loadAll()
        let plugin = try #require(harness.registry.plugin(id: "good"))
        #expect(result.added.map(\.id) == ["good"] && result.failures.isEmpty)
        #expect(
            plugin.manifest.version == "2.1.0" && plugin.manifest.priority == 7
                && plugin.manifest.abiVersion == 1)
        #expect(
            plugin.manifest.exampleURLs == ["https://fixture.example/post/1"] && !plugin.manifest.isThreadSafe
        )
        #expect(plugin.imagePath != plugin.sourcePath, "loaded from a private copy")
    }

    @Test("every broken kind is skipped with its reason while a good plugin still loads")
    func brokenPlugins() throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        try Data("garbage, not ELF".utf8).write(to: URL(fileURLWithPath: harness.plugins + "/libgarbage.so"))
        try Data().write(to: URL(fileURLWithPath: harness.plugins + "/libempty.so"))
        try harness.fixture("liba_good.so", ["FIXTURE_ID": quoted("good")])
        try harness.fixture("libnoentry.so", ["FIXTURE_ID": quoted("noentry"), "FIXTURE_NO_ENTRY": "1"])
        try harness.fixture("librefuse.so", ["FIXTURE_ID": quoted("refuse"), "FIXTURE_REFUSE_ABI": "1"])
        try harness.fixture("libabi.so", ["FIXTURE_ID": quoted("abi"), "FIXTURE_ABI": "99"])
        try harness.fixture("libz_dup.so", ["FIXTURE_ID": quoted("good")])
        try harness.fixture(
            "libpattern.so", ["FIXTURE_ID": quoted("pattern"), "FIXTURE_PATTERN": quoted("([")])
        try harness.fixture(
            "libexample.so",
            ["FIXTURE_ID": quoted("example"), "FIXTURE_EXAMPLE": quoted("https://other.example/")])
        try harness.fixture("libcreate.so", ["FIXTURE_ID": quoted("create"), "FIXTURE_CREATE_FAILS": "1"])
        try harness.fixture("libbadid.so", ["FIXTURE_ID": quoted("Bad-Id")])
        _ = harness.loader().loadAll()
        #expect(harness.registry.plugins.map(\.manifest.id) == ["good"])
        let reasons = Dictionary(
            uniqueKeysWithValues: harness.registry.failures.map {
                (($0.path as NSString).lastPathComponent, $0.error)
            })
        #expect(reasons.count == 10)
        if case .notLoadable = reasons["libgarbage.so"] {
        } else {
            Issue.record("garbage: \(String(describing: reasons["libgarbage.so"]))")
        }
        if case .notLoadable = reasons["libempty.so"] {
        } else {
            Issue.record("empty: \(String(describing: reasons["libempty.so"]))")
        }
        #expect(reasons["libnoentry.so"] == .missingEntrySymbol)
        #expect(reasons["librefuse.so"] == .abiRefused(hostVersion: 1))
        #expect(reasons["libabi.so"] == .abiVersionMismatch(host: 1, plugin: 99))
        #expect(
            reasons["libz_dup.so"] == .duplicateID(id: "good", loadedFrom: harness.plugins + "/liba_good.so"))
        if case .badPattern(let pattern, _) = reasons["libpattern.so"] {
            #expect(pattern == "([")
        } else {
            Issue.record("pattern")
        }
        #expect(reasons["libexample.so"] == .exampleNotClaimed(url: "https://other.example/"))
        #expect(reasons["libcreate.so"] == .createFailed(id: "create"))
        if case .invalidDescriptor(let field, _) = reasons["libbadid.so"] {
            #expect(field == "id")
        } else {
            Issue.record("id")
        }
    }

    @Test("routing takes the highest priority among matching plugins, and nil when none matches")
    func routing() throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        let any = quoted("^https://")
        try harness.fixture(
            "liblow.so",
            [
                "FIXTURE_ID": quoted("low"), "FIXTURE_PATTERN": any, "FIXTURE_PRIORITY": "-1000",
                "FIXTURE_EXAMPLE": quoted("https://a/"),
            ])
        try harness.fixture(
            "libsite.so",
            [
                "FIXTURE_ID": quoted("site"),
                "FIXTURE_PATTERN": quoted("^https://(www\\\\.)?site\\\\.example/"), "FIXTURE_PRIORITY": "100",
                "FIXTURE_EXAMPLE": quoted("https://site.example/p"),
            ])
        _ = harness.loader().loadAll()
        #expect(harness.registry.route("https://www.site.example/p/1")?.manifest.id == "site")
        #expect(
            harness.registry.route("HTTPS://SITE.EXAMPLE/x")?.manifest.id == "site", "patterns ignore case")
        #expect(harness.registry.route("https://elsewhere.example/")?.manifest.id == "low")
        #expect(harness.registry.route("ftp://site.example/") == nil)
    }

    @Test("a plugin's health report is shown; healthy plugins report nil")
    func health() throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        try harness.fixture(
            "libsick.so", ["FIXTURE_ID": quoted("sick"), "FIXTURE_HEALTH": quoted("tool missing")])
        try harness.fixture(
            "libwell.so",
            [
                "FIXTURE_ID": quoted("well"), "FIXTURE_PATTERN": quoted("^https://well/"),
                "FIXTURE_EXAMPLE": quoted("https://well/"),
            ])
        _ = harness.loader().loadAll()
        #expect(harness.registry.plugin(id: "sick")?.health == "tool missing")
        #expect(harness.registry.plugin(id: "well")?.health == nil)
    }
}
