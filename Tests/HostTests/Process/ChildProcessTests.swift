import BossProcess
import Foundation
import Synchronization
import TestSupport
import Testing

@Suite("Confined child processes: environment, limits, process groups, descriptors, stopping")
struct ChildProcessTests {
    @Test("the child sees exactly the environment it is given, nothing of the host's")
    func environmentIsExact() throws {
        setenv("DISCORD_TOKEN", "host-secret-token", 1)
        setenv("BOSS_PLUGIN_TWITTER_API_KEY", "plugin-secret", 1)
        defer {
            unsetenv("DISCORD_TOKEN")
            unsetenv("BOSS_PLUGIN_TWITTER_API_KEY")
        }
        try withTemporaryFolder { folder in
            let environment = ChildEnvironment.make(
                workFolder: folder.path, searchPath: "/usr/bin:/bin", proxy: "http://u:p@127.0.0.1:9")
            let command = ChildCommand(
                executable: "env", environment: environment, standardOutput: folder.path + "/env.txt")
            let outcome = ChildSupervisor().run(command) { nil }
            #expect(outcome == .ended(.exited(0)))
            let lines = Set(
                try String(contentsOfFile: folder.path + "/env.txt", encoding: .utf8).split(separator: "\n"))
            #expect(lines == Set(environment.map { "\($0.key)=\($0.value)" }[...]))
            #expect(!lines.contains { $0.contains("secret") })
            #expect(lines.contains("HTTPS_PROXY=http://u:p@127.0.0.1:9"))
            #expect(lines.contains("HOME=\(folder.path)/home"))
        }
    }

    @Test("RLIMIT_FSIZE stops a child writing past the file size limit")
    func fileSizeLimit() throws {
        try withTemporaryFolder { folder in
            let command = ChildCommand(
                executable: "/bin/sh", arguments: ["-c", "head -c 5000000 /dev/zero > big.bin"],
                environment: ["PATH": "/usr/bin:/bin"], workingDirectory: folder.path, fileSizeLimit: 100_000)
            let outcome = ChildSupervisor().run(command) { nil }
            let termination = try #require(outcome.termination, "unexpected outcome \(outcome)")
            #expect(termination != .exited(0))
            let size = try #require(
                try FileManager.default.attributesOfItem(atPath: folder.path + "/big.bin")[.size] as? Int)
            #expect(size == 100_000)
        }
    }

    @Test("stopping ends the child and every process in its group, and reaps it")
    func stopKillsTheGroup() async throws {
        try await withTemporaryFolder { folder in
            let command = ChildCommand(
                executable: "/bin/sh", arguments: ["-c", "sleep 60 & sleep 60 & wait"],
                environment: ["PATH": "/usr/bin:/bin"], workingDirectory: folder.path)
            let child = try ChildProcess(command)
            usleep(200_000)
            #expect(ProcessGroup.livingMembers(of: child.pid).count == 3)
            let started = ContinuousClock.now
            child.stop(grace: .milliseconds(300))
            #expect(ContinuousClock.now - started < .seconds(1))
            #expect(
                await eventually(within: .seconds(2)) { ProcessGroup.livingMembers(of: child.pid).isEmpty })
        }
    }

    @Test("a supervised run stops when asked, with the reason, within the check interval and grace")
    func supervisorStops() throws {
        let stopAt = ContinuousClock.now + .milliseconds(200)
        let started = ContinuousClock.now
        let outcome = ChildSupervisor().run(
            ChildCommand(executable: "sleep", arguments: ["30"], environment: ["PATH": "/usr/bin:/bin"])
        ) { ContinuousClock.now >= stopAt ? "cancelled" : nil }
        #expect(outcome == .stopped(reason: "cancelled"))
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test("no descriptor of the host reaches the child")
    func descriptorsClosed() throws {
        try withTemporaryFolder { folder in
            let leaked = (0..<8).map { _ in open("/dev/null", O_RDONLY) }  // no O_CLOEXEC on purpose
            defer { for descriptor in leaked { close(descriptor) } }
            let outcome = ChildSupervisor().run(
                ChildCommand(
                    executable: "/bin/sh", arguments: ["-c", "ls /proc/$$/fd"],
                    environment: ["PATH": "/usr/bin:/bin"],
                    standardOutput: folder.path + "/fds.txt")
            ) { nil }
            #expect(outcome == .ended(.exited(0)))
            let fds = try String(contentsOfFile: folder.path + "/fds.txt", encoding: .utf8).split(
                separator: "\n")
            #expect(Set(fds) == ["0", "1", "2"], "the shell's own descriptors only: \(fds)")
        }
    }

    @Test("a missing executable is an error naming it")
    func missingExecutable() {
        let outcome = ChildSupervisor().run(
            ChildCommand(executable: "no-such-tool-here", environment: ["PATH": "/usr/bin:/bin"])
        ) { nil }
        #expect(outcome == .notStarted(.notFound(executable: "no-such-tool-here")))
    }

    @Test("the tool gate lets at most its width through at once, and gives up when cancelled")
    func toolGate() async throws {
        let gate = ToolGate(width: 2)
        let peak = PeakCounter()
        let threads = (0..<5).map { _ in
            Thread {
                gate.run(isCancelled: { false }) {
                    peak.record(gate.occupied)
                    usleep(100_000)
                }
            }
        }
        for thread in threads { thread.start() }
        #expect(await eventually(within: .seconds(10)) { threads.allSatisfy(\.isFinished) })
        #expect(peak.highest == 2)
        let blocker = ToolGate(width: 1)
        let (running, cancelled) = ({ false }, { true })
        let inner = blocker.run(isCancelled: running) { blocker.run(isCancelled: cancelled) { 1 } }
        #expect(inner == .some(nil))
    }
}

/// The highest value seen, from any thread.
private final class PeakCounter: Sendable {
    private let value = Mutex(0)
    func record(_ seen: Int) { value.withLock { $0 = max($0, seen) } }
    var highest: Int { value.withLock { $0 } }
}

extension ChildSupervisor.Outcome {
    /// How the child ended when it ended by itself, else nil.
    fileprivate var termination: ChildTermination? {
        guard case .ended(let termination) = self else { return nil }
        return termination
    }
}
