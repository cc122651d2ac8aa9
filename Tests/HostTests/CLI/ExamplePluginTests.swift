import Foundation
import TestSupport
import Testing

@Suite("docs/PLUGINS.md: the example plugin builds as documented and passes plugin check")
struct ExamplePluginTests {
    static let root = CPluginBuilder.repositoryRoot
    static let source = "examples/hello_plugin/hello_plugin.c"
    /// The command the guide gives, verbatim (the test adds only warnings-as-errors and the output).
    static let documentedCommand =
        "cc -shared -fPIC -fvisibility=hidden -I Sources/PluginABI/include examples/hello_plugin/hello_plugin.c"

    @Test("the guide shows the build command and the example's whole source")
    func guideMatchesExample() throws {
        let guide = try String(contentsOfFile: Self.root + "/docs/PLUGINS.md", encoding: .utf8)
        let example = try String(contentsOfFile: Self.root + "/" + Self.source, encoding: .utf8)
        #expect(guide.contains(Self.documentedCommand + " -o libhello.so"))
        #expect(guide.contains("```c\n" + example + "```"), "docs/PLUGINS.md must embed the example as it is")
    }

    @Test("compiled with cc as documented, the example passes every check with a real download")
    func examplePassesCheck() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let library = cli.root + "/libhello.so"
        let arguments = Array(Self.documentedCommand.split(separator: " ").map(String.init).dropFirst())
        let compiled = try await ChildProcess.run(
            "/usr/bin/env", ["cc"] + arguments + ["-Wall", "-Wextra", "-Werror", "-o", library],
            environment: [:], directory: Self.root)
        #expect(compiled.status == 0, "\(compiled.stderr)")
        try await withHarness(TestHTTPServer.start(["/hello/cat.png": .bytes(CLIHarness.png)])) { server in
            let url = server.url("/hello/cat.png")
            let result = try await cli.run(["plugin", "check", library, "--url", url])
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("PASS extract \(url) (1 file(s): cat.png (png,"))
            #expect(result.stdout.contains("PASS cancel \(url)"))
        }
    }
}
