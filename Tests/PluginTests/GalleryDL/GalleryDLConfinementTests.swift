import BossCore
import Foundation
import PluginABI
import TestSupport
import Testing

/// gallery-dl runs confined: its network goes through the host's egress proxy under the same guard as
/// the host's own requests, it sees none of the host's environment, and what it writes is bounded.
@Suite("gallery-dl plugin: confinement of the child")
struct GalleryDLConfinementTests {
    static let bin = "BOSS_PLUGIN_GALLERYDL_BIN"

    /// A stand-in gallery-dl: a shell script with `body`, made executable.
    func standIn(_ harness: ExtractionHarness, _ body: String) throws -> String {
        let path = harness.root + "/stand-in-gallery-dl.sh"
        try ("#!/bin/sh\n" + body).write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test("private networks off: the real gallery-dl is refused a loopback URL, the server sees nothing")
    func loopbackRefused() async throws {
        #expect(GalleryDLSupport.executable != nil, Comment(rawValue: GalleryDLSupport.missingMessage))
        try await withHarness(ExtractionHarness.make(["/g/secret.bmp": .bytes([0x42, 0x4D, 1, 2, 3])])) {
            harness in
            try harness.installPlugin(product: "GalleryDLExtractor")
            let runtime = try harness.runtime(allowPrivateNetworks: false)
            let error = await #expect(throws: ExtractionError.self) {
                try await runtime.extract(harness.server.url("/g/secret.bmp"))
            }
            let failure = try #require(error?.pluginFailure, "unexpected \(String(describing: error))")
            #expect(failure.pluginID == "gallerydl")
            #expect(failure.status == BOSS_ERR_BLOCKED_ADDRESS)
            #expect(
                failure.detail?.contains("private or local network address") == true,
                "\(failure.detail ?? "")")
            #expect(harness.server.hits("/g/secret.bmp") == 0)
        }
    }

    @Test("private networks on: the same kind of download works, through the proxy")
    func throughProxy() async throws {
        #expect(GalleryDLSupport.executable != nil, Comment(rawValue: GalleryDLSupport.missingMessage))
        try await withHarness(ExtractionHarness.make(["/g/photo.jpg": .bytes(GalleryDLSupport.jpeg)])) {
            harness in
            try harness.installPlugin(product: "GalleryDLExtractor")
            let result = try await harness.runtime().extract(harness.server.url("/g/photo.jpg"))
            let file = try #require(result.files.first)
            #expect(try Data(contentsOf: URL(fileURLWithPath: file.path)) == Data(GalleryDLSupport.jpeg))
            // The proxy forwards one request per connection and says so; gallery-dl alone keeps it alive.
            #expect(harness.server.lastRequestHeaders("/g/photo.jpg")["connection"] == "close")
        }
    }

    @Test("the child's environment: no token, no BOSS_*, the proxy; only the host's config file")
    func environment() async throws {
        setenv("DISCORD_TOKEN", "token-that-must-not-leak", 1)
        defer { unsetenv("DISCORD_TOKEN") }
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installPlugin(product: "GalleryDLExtractor")
            let dump = harness.root + "/child-env.txt"
            let arguments = harness.root + "/child-args.txt"
            let config = harness.root + "/child-config.json"
            let fake = try standIn(
                harness, "env > '\(dump)'\necho \"$@\" > '\(arguments)'\ncp \"$3\" '\(config)'\nexit 64\n")
            let runtime = try harness.runtime(extra: [
                Self.bin: fake, "BOSS_PLUGIN_GALLERYDL_API_KEY": "secret-key",
            ])
            await #expect(throws: ExtractionError.self) {
                try await runtime.extract("https://unsupported.example/a")
            }
            let lines = try String(contentsOfFile: dump, encoding: .utf8).split(separator: "\n").map(
                String.init)
            let names = Set(
                lines.compactMap { $0.split(separator: "=", maxSplits: 1).first.map(String.init) })
            #expect(!lines.contains { $0.contains("token-that-must-not-leak") || $0.contains("secret-key") })
            #expect(!names.contains { $0.hasPrefix("BOSS_") || $0 == "DISCORD_TOKEN" }, "\(names.sorted())")
            let proxy = try #require(
                lines.first { $0.hasPrefix("HTTPS_PROXY=") }?.dropFirst("HTTPS_PROXY=".count))
            #expect(proxy.hasPrefix("http://job-") && proxy.contains("@127.0.0.1:"))
            #expect(lines.contains("HTTP_PROXY=\(proxy)") && lines.contains("ALL_PROXY=\(proxy)"))
            let given = try String(contentsOfFile: arguments, encoding: .utf8)
            // The proxy's credentials go in the owner-only config file, not in arguments others can list.
            #expect(given.hasPrefix("--config-ignore -c ") && !given.contains(String(proxy.dropFirst(7))))
            let document = try String(contentsOfFile: config, encoding: .utf8)
            #expect(document.contains("\"proxy\": \"\(proxy)\""))
        }
    }

    @Test("a child writing an endless file is stopped at the limit: nothing left, the quota back")
    func endlessFile() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installPlugin(product: "GalleryDLExtractor")
            let fake = try standIn(
                harness,
                "while [ \"$1\" != \"-D\" ]; do shift; done\nhead -c 100000000 /dev/zero > \"$2/endless.jpg.part\"\n"
            )
            let runtime = try harness.runtime(maxFileMB: 1, extra: [Self.bin: fake])
            let error = await #expect(throws: ExtractionError.self) {
                try await runtime.extract("https://gallery.example/album/1")
            }
            #expect(error?.userMessage == "A file is larger than the 1 MB download limit.")
            #expect(StorageQuota.measure(directory: runtime.dataDirectory.downloads) == 0)
            #expect(StorageQuota.measure(directory: runtime.dataDirectory.tmp) == 0)
            #expect(runtime.quota.usage.usedBytes == 0)
        }
    }

    @Test("a child filling the work folder past the storage quota is stopped, its files removed")
    func quota() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installPlugin(product: "GalleryDLExtractor")
            let fake = try standIn(
                harness,
                "while [ \"$1\" != \"-D\" ]; do shift; done\n"
                    + "for n in 1 2 3 4 5 6 7 8; do head -c 400000 /dev/zero > \"$2/$n.jpg.part\"; sleep 0.1; done\n"
                    + "sleep 30\n")
            let runtime = try harness.runtime(
                maxFileMB: 50, extra: [Self.bin: fake, "BOSS_STORAGE_QUOTA_MB": "1"])
            let error = await #expect(throws: ExtractionError.self) {
                try await runtime.extract("https://gallery.example/album/1")
            }
            #expect(error?.userMessage.contains("storage filled up") == true, "\(String(describing: error))")
            #expect(StorageQuota.measure(directory: runtime.dataDirectory.downloads) == 0)
            #expect(StorageQuota.measure(directory: runtime.dataDirectory.tmp) == 0)
            #expect(runtime.quota.usage.usedBytes == 0)
        }
    }

    @Test("a cancelled run leaves no process of its group behind")
    func cancelLeavesNothing() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installPlugin(product: "GalleryDLExtractor")
            let pidFile = harness.root + "/pid"
            let fake = try standIn(harness, "echo $$ > '\(pidFile)'\nsleep 60 &\nsleep 60 &\nwait\n")
            let runtime = try harness.runtime(extra: [Self.bin: fake])
            let control = JobControl()
            let extraction = Task {
                try await runtime.extract("https://gallery.example/album/1", control: control)
            }
            let pid = try await ProcessGroup.pid(recordedIn: pidFile)
            #expect(await eventually { ProcessGroup.livingMembers(of: pid).count == 3 })
            control.cancel()
            await #expect(throws: ExtractionError.cancelled) { try await extraction.value }
            #expect(ProcessGroup.livingMembers(of: pid).isEmpty)
        }
    }
}
