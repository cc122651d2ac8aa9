import Foundation
import TestSupport

// `make bench`'s start-up and idle rows: a real `boss-host run` (four plugins, metrics server on) and
// the reference, a minimal discord.py bot, each started against a fresh fake Discord on loopback.
// start → IDENTIFY: from exec to the fake receiving op 2. start → READY: from exec to the fake receiving
// the command registration each bot sends once it has handled READY. Idle RSS: VmRSS 3 s later.
// Usage: boss-bench-startup BOSS_HOST PLUGINS_DIR REFERENCE_BOT.py

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(
        Data("usage: boss-bench-startup BOSS_HOST PLUGINS_DIR REFERENCE.py\n".utf8))
    exit(2)
}
let rounds = 5
let work = FileManager.default.temporaryDirectory.appendingPathComponent("boss-bench-startup-\(getpid())")
    .path
defer { try? FileManager.default.removeItem(atPath: work) }

/// One start of one bot: its start-up times in ms, idle RSS in KiB, and the memory map of that moment.
struct Round {
    var identify: Double
    var ready: Double
    var residentKiB: Int
    var map: MemoryMap
}

func start(_ executable: String, _ args: [String], environment: [String: String], round: Int) async throws
    -> Round
{
    let discord = try await FakeDiscord.start()
    var env = environment
    env["DISCORD_TOKEN"] = "bench-token-0123456789"
    env["BOSS_DISCORD_API_URL"] = discord.apiURL
    env["BOSS_GATEWAY_URL"] = "ws://127.0.0.1:\(discord.port)/gateway"
    env["BOSS_DATA_DIR"] = work + "/data-\(round)"
    let started = ContinuousClock.now
    let bot = try ChildProcess(
        executable, args, environment: env, directory: FileManager.default.temporaryDirectory.path)
    defer { bot.kill(SIGKILL) }
    let registered = await eventually(within: .seconds(30)) {
        discord.rest.requests.contains { $0.method == "PUT" && $0.path.hasSuffix("/commands") }
    }
    guard registered, let identify = discord.gateway.firstArrival(op: 2),
        let ready = discord.rest.requests.first(where: {
            $0.method == "PUT" && $0.path.hasSuffix("/commands")
        })?.at
    else {
        throw BenchError(description: "\(executable) did not get ready:\n\(bot.stderr)")
    }
    try await Task.sleep(for: .seconds(3))
    let map = try MemoryMap(pid: bot.pid)
    let round = Round(
        identify: (identify - started) / .milliseconds(1), ready: (ready - started) / .milliseconds(1),
        residentKiB: try residentKiB(pid: bot.pid), map: map)
    bot.kill(SIGKILL)
    _ = await bot.wait(timeout: .seconds(5))
    await discord.stop()
    return round
}

struct BenchError: Error, CustomStringConvertible { var description: String }

func residentKiB(pid: Int32) throws -> Int {
    let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
    return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

var host: [Round] = []
var reference: [Round] = []
for round in 0..<rounds {
    host.append(
        try await start(
            arguments[1], ["run"],
            environment: [
                "BOSS_PLUGINS_DIR": arguments[2], "BOSS_METRICS_ADDR": "127.0.0.1:0",
                "BOSS_LOG_LEVEL": "warning",
            ], round: round))
    reference.append(
        try await start("/usr/bin/env", ["python3", arguments[3]], environment: [:], round: round))
}
let plugins =
    (try? FileManager.default.contentsOfDirectory(atPath: arguments[2]))?.filter { $0.hasSuffix(".so") }.count
    ?? 0

func row(_ label: String, _ value: Double, _ reference: Double, _ unit: String, _ note: String) {
    print(
        label.padding(toLength: 46, withPad: " ", startingAt: 0)
            + String(format: " %11.1f \(unit) %11.1f \(unit) %8.2f   (", value, reference, value / reference)
            + note + ")")
}
let hostRSS = median(host.map { Double($0.residentKiB) / 1024 })
let referenceRSS = median(reference.map { Double($0.residentKiB) / 1024 })
row(
    "idle RSS after READY, \(plugins) plugins, metrics on", hostRSS, referenceRSS, "MiB",
    "median of \(rounds), target <= 32 MiB; reference: discord.py 2.7.1 minimal bot, same fake")
let sample = host.min {
    abs(Double($0.residentKiB) / 1024 - hostRSS) < abs(Double($1.residentKiB) / 1024 - hostRSS)
}!
print("  boss-host's largest mappings (smaps Rss, of which anonymous):")
let shown = Int(ProcessInfo.processInfo.environment["BOSS_BENCH_MAPPINGS"] ?? "") ?? 5
print(sample.map.top(shown).split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
row(
    "start -> IDENTIFY", median(host.map(\.identify)), median(reference.map(\.identify)), "ms",
    "median of \(rounds); reference: the same discord.py bot")
row(
    "start -> READY handled (commands registered)", median(host.map(\.ready)), median(reference.map(\.ready)),
    "ms",
    "median of \(rounds); reference: the same discord.py bot")
