import Foundation
import TestSupport

/// `boss-host run`'s peak RSS (VmHWM of the main process) while five 50 MiB downloads run at once, asked for
/// with `$dl` on the fake Discord; the reference is curl downloading the same five files with `--parallel`
/// (GNU time's maximum RSS), as in the `fetch` row.
enum PeakDuringDownloads {
    struct Result {
        var peakKiB: Int
        var curlKiB: Int
        var jobsEnded: Int
    }

    static func measure(host: String, plugins: String, work: String) async throws -> Result {
        let clip =
            [UInt8]([0, 0, 0, 0x18]) + Array("ftypisom".utf8) + [UInt8](repeating: 7, count: 50 << 20 - 12)
        var routes: [String: TestRoute] = [:]
        for index in 0..<5 { routes["/clip\(index).mp4"] = .bytes(clip, contentType: "video/mp4") }
        let media = try await TestHTTPServer.start(routes)
        let discord = try await FakeDiscord.start()
        let environment = [
            "DISCORD_TOKEN": "bench-token-0123456789", "BOSS_DISCORD_API_URL": discord.apiURL,
            "BOSS_PLUGINS_DIR": plugins, "BOSS_DATA_DIR": work + "/data-peak",
            "BOSS_ALLOW_PRIVATE_NETWORKS": "1",
            "BOSS_USER_RATE_LIMIT": "1000/1", "BOSS_METRICS_ADDR": "127.0.0.1:0",
        ]
        let bot = try ChildProcess(
            host, ["run"], environment: environment, directory: FileManager.default.temporaryDirectory.path)
        defer { bot.kill(SIGKILL) }
        guard await eventually(within: .seconds(30), { !discord.rest.registeredCommandNames.isEmpty }) else {
            throw BenchError(description: "the bot did not start:\n\(bot.stderr)")
        }
        for index in 0..<5 {
            let url = media.url("/clip\(index).mp4")
            discord.gateway.dispatch(
                "MESSAGE_CREATE",
                #"{"id":"\#(700 + index)","channel_id":"10","guild_id":"5","#
                    + #""content":"$dl \#(url)","#
                    + #""author":{"id":"\#(60 + index)","username":"u"},"member":{"roles":[]},"mentions":[]}"#
            )
        }
        let ended = { bot.stderr.components(separatedBy: " ended: ").count - 1 }
        _ = await eventually(within: .seconds(120)) { ended() >= 5 }
        let peak = try kibibytes(pid: bot.pid, file: "status")["VmHWM"] ?? 0
        let jobsEnded = ended()
        bot.kill(SIGKILL)
        _ = await bot.wait(timeout: .seconds(5))
        var curl = ["-f", "%M", "/usr/bin/curl", "-s", "--parallel"]
        for index in 0..<5 { curl += ["-o", work + "/curl\(index)", media.url("/clip\(index).mp4")] }
        let reference = try await ChildProcess.run("/usr/bin/time", curl, environment: [:], directory: work)
        await discord.stop()
        await media.stop()
        let curlKiB = Int(reference.stderr.split(separator: "\n").last ?? "") ?? 0
        return Result(peakKiB: peak, curlKiB: curlKiB, jobsEnded: jobsEnded)
    }
}
