import Foundation
import TestSupport

// `make bench`'s start-up and idle rows: a real `boss-host run` (four plugins, metrics server on) and
// the reference, a minimal discord.py bot, each started against a fresh fake Discord on loopback; then
// boss-host's peak RSS during five concurrent 50 MiB downloads (PeakDuringDownloads).
// start → IDENTIFY: from exec to the fake receiving op 2. start → READY: from exec to the fake receiving
// the command registration each bot sends once it has handled READY. Idle RSS: VmRSS 3 s later.
// The idle row has a second reference: the floor, a process that only loads and sets up the libraries
// the design requires (Benchmarks/LibraryFloor), so the row shows what boss-host holds above them.
// Usage: boss-bench-startup BOSS_HOST PLUGINS_DIR REFERENCE_BOT.py FLOOR

let arguments = CommandLine.arguments
guard arguments.count == 5 else {
    FileHandle.standardError.write(
        Data("usage: boss-bench-startup BOSS_HOST PLUGINS_DIR REFERENCE.py FLOOR\n".utf8))
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
    /// `smaps_rollup`'s figures in KiB (Pss, Private_Dirty, Anonymous…).
    var rollup: [String: Int]
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
        residentKiB: try kibibytes(pid: bot.pid, file: "status")["VmRSS"] ?? 0, map: map,
        rollup: try kibibytes(pid: bot.pid, file: "smaps_rollup"))
    bot.kill(SIGKILL)
    _ = await bot.wait(timeout: .seconds(5))
    await discord.stop()
    return round
}

struct BenchError: Error, CustomStringConvertible { var description: String }

/// The `NAME: N kB` lines of `/proc/PID/FILE`, read to the end (procfs files report a size of 0).
func kibibytes(pid: Int32, file: String) throws -> [String: Int] {
    let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/\(pid)/\(file)"))
    defer { try? handle.close() }
    var figures: [String: Int] = [:]
    for line in String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self).split(separator: "\n") {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if fields.count == 3, fields[2] == "kB", let value = Int(fields[1]) {
            figures[String(fields[0].dropLast())] = value
        }
    }
    return figures
}

/// The floor program's VmRSS in KiB, 3 s after it said it is ready (as the bots' idle figure).
func floorKiB(_ executable: String, round: Int) async throws -> Int {
    let folder = work + "/floor-\(round)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let floor = try ChildProcess(executable, [folder], environment: [:], directory: folder)
    defer { floor.kill(SIGKILL) }
    guard await eventually(within: .seconds(10), { floor.stdout.contains("ready") }) else {
        throw BenchError(description: "the floor program did not start:\n\(floor.stderr)")
    }
    try await Task.sleep(for: .seconds(3))
    let resident = try kibibytes(pid: floor.pid, file: "status")["VmRSS"] ?? 0
    floor.kill(SIGKILL)
    _ = await floor.wait(timeout: .seconds(5))
    return resident
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

var host: [Round] = []
var reference: [Round] = []
var floors: [Double] = []
for round in 0..<rounds {
    floors.append(Double(try await floorKiB(arguments[4], round: round)) / 1024)
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
let floorRSS = median(floors)
row(
    "idle RSS after READY vs the libraries' floor", hostRSS, floorRSS, "MiB",
    "median of \(rounds); reference: Benchmarks/LibraryFloor, the Swift runtime, Foundation, libcurl,"
        + " libwebsockets and SQLite loaded and set up, nothing else")
let sample = host.min {
    abs(Double($0.residentKiB) / 1024 - hostRSS) < abs(Double($1.residentKiB) / 1024 - hostRSS)
}!
func mebibytes(_ field: String) -> String {
    String(format: "%.1f MiB", Double(sample.rollup[field] ?? 0) / 1024)
}
print(
    "  boss-host's smaps_rollup: Pss \(mebibytes("Pss")) (shared library pages split among their users),"
        + " Private_Dirty \(mebibytes("Private_Dirty")), Anonymous \(mebibytes("Anonymous"))")
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
let peak = try await PeakDuringDownloads.measure(host: arguments[1], plugins: arguments[2], work: work)
row(
    "peak RSS of run, 5 concurrent 50 MiB downloads", Double(peak.peakKiB) / 1024,
    Double(peak.curlKiB) / 1024,
    "MiB",
    "main process VmHWM, target <= 48 MiB; \(peak.jobsEnded) of 5 jobs ended; reference: curl --parallel, same files"
)
