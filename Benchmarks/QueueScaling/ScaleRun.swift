import Foundation
import TestSupport

/// One run of the jobs-per-second row: a gateway process and `workers` worker processes on a new
/// database, `jobs` links posted at once, timed from the first post to the last file delivered.
struct ScaleRun {
    let binary: String
    let plugins: String
    let folder: TemporaryFolder
    let cluster: PostgresCluster

    func jobsPerSecond(workers: Int, jobs: Int, link: String) async throws -> Double {
        let discord = try await FakeDiscord.start()
        defer { Task { await discord.stop() } }
        let database = try cluster.createDatabase("scale\(workers)") + "?sslmode=disable"
        var environment = [
            "DISCORD_TOKEN": "bench-token-0123456789", "BOSS_DISCORD_API_URL": discord.apiURL,
            "BOSS_QUEUE_URL": database, "BOSS_PLUGINS_DIR": plugins, "BOSS_ALLOW_PRIVATE_NETWORKS": "1",
            "BOSS_USER_RATE_LIMIT": "1000/1", "BOSS_MAX_QUEUE": "1000", "BOSS_MAX_QUEUE_PER_USER": "1000",
            "BOSS_MAX_CONCURRENT": "2", "BOSS_LOG_LEVEL": "notice", "BOSS_METRICS_ADDR": "off",
        ]
        var processes: [ChildProcess] = []
        defer { for process in processes { process.kill(SIGKILL) } }
        for index in 0...workers {
            environment["BOSS_DATA_DIR"] = folder.file("data-\(workers)-\(index)")
            environment["BOSS_WORKERS"] = index == 0 ? "0" : "1"
            processes.append(
                try ChildProcess(
                    binary, [index == 0 ? "run" : "worker"], environment: environment, directory: folder.path)
            )
        }
        guard await eventually(within: .seconds(30), { !discord.rest.registeredCommandNames.isEmpty }),
            await eventually(
                within: .seconds(30),
                {
                    processes.dropFirst().allSatisfy { $0.stderr.contains("started as worker") }
                })
        else { throw Failure(log: processes.map(\.stderr).joined(separator: "\n---\n")) }
        let start = ContinuousClock.now
        for index in 0..<jobs {
            discord.gateway.dispatch(
                "MESSAGE_CREATE",
                #"{"id":"\#(20_000 + index)","channel_id":"10","guild_id":"5","content":"$dl <\#(link)?n=\#(index)>","#
                    + #""author":{"id":"\#(index)","username":"u"},"member":{"roles":[]},"mentions":[]}"#)
        }
        guard
            await eventually(
                within: .seconds(300),
                { discord.rest.messages.filter { !$0.attachments.isEmpty }.count >= jobs })
        else { throw Failure(log: processes.map(\.stderr).joined(separator: "\n---\n")) }
        return Double(jobs) / ((ContinuousClock.now - start) / .seconds(1))
    }

    struct Failure: Error, CustomStringConvertible {
        var log: String
        var description: String { "bench: the jobs were not all delivered:\n\(log)" }
    }
}
