import Foundation
import TestSupport

// `make bench`'s Discord row: command-to-first-reply latency of a real `boss-host run` against the fake
// Discord on loopback, at 20 commands per second while five slow downloads run. Latency is from the
// fake gateway sending MESSAGE_CREATE to the fake REST receiving the reply. Reference, measured in the
// same run: curl's round trip for the same REST call (the floor of any reply).
// Usage: boss-bench-discord BOSS_HOST_BINARY PLUGINS_DIR

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: boss-bench-discord BOSS_HOST PLUGINS_DIR\n".utf8))
    exit(2)
}
let commands = 200
let discord = try await FakeDiscord.start()
let mp4 = [UInt8]([0, 0, 0, 0x18]) + Array("ftypisom".utf8) + [UInt8](repeating: 7, count: 4 << 20)
var routes: [String: TestRoute] = [:]
for index in 0..<5 {
    routes["/slow/\(index).mp4"] = .slow(bytes: mp4, chunkSize: 32_768, delay: .milliseconds(100))
}
let media = try await TestHTTPServer.start(routes)
let work = FileManager.default.temporaryDirectory.appendingPathComponent("boss-bench-discord-\(getpid())")
    .path
defer { try? FileManager.default.removeItem(atPath: work) }
let bot = try ChildProcess(
    arguments[1], ["run"],
    environment: [
        "DISCORD_TOKEN": "bench-token-0123456789", "BOSS_DISCORD_API_URL": discord.apiURL,
        "BOSS_PLUGINS_DIR": arguments[2], "BOSS_DATA_DIR": work + "/data", "BOSS_ALLOW_PRIVATE_NETWORKS": "1",
        "BOSS_USER_RATE_LIMIT": "1000/1", "BOSS_LOG_LEVEL": "warning", "BOSS_METRICS_ADDR": "off",
    ], directory: FileManager.default.temporaryDirectory.path)
defer { bot.kill(SIGKILL) }
guard await eventually(within: .seconds(30), { !discord.rest.registeredCommandNames.isEmpty }) else {
    FileHandle.standardError.write(Data("bench: the bot did not start:\n\(bot.stderr)\n".utf8))
    exit(1)
}

func say(_ content: String, id: Int, author: Int) {
    discord.gateway.dispatch(
        "MESSAGE_CREATE",
        #"{"id":"\#(id)","channel_id":"10","guild_id":"5","content":"\#(content)","#
            + #""author":{"id":"\#(author)","username":"u"},"member":{"roles":[]},"mentions":[]}"#)
}
for index in 0..<5 { say("$dl \(media.url("/slow/\(index).mp4"))", id: 100 + index, author: 50 + index) }
_ = await eventually(within: .seconds(10)) {
    discord.rest.messages.filter { $0.content.contains("⬇️") }.count >= 5
}

var sentAt: [String: ContinuousClock.Instant] = [:]
let start = ContinuousClock.now
for index in 0..<commands {
    try await Task.sleep(until: start + .milliseconds(50 * index))
    let id = 10_000 + index
    sentAt[String(id)] = .now
    say("$ping", id: id, author: 7)
}
_ = await eventually(within: .seconds(10)) {
    discord.rest.messages.filter { sentAt[$0.replyTo ?? ""] != nil }.count >= commands
}
let downloadsRunning = discord.rest.messages.filter { $0.content.contains("⬇️") }.count
let latencies = discord.rest.messages.compactMap { message in
    sentAt[message.replyTo ?? ""].map { (message.createdAt - $0) / .milliseconds(1) }
}.sorted()
guard latencies.count == commands else {
    FileHandle.standardError.write(
        Data("bench: \(latencies.count) of \(commands) commands were answered\n".utf8))
    exit(1)
}

// Reference: curl posting the same kind of message to the same fake REST, one process per call.
var reference: [Double] = []
for _ in 0..<50 {
    let curl = try await ChildProcess.run(
        "/usr/bin/curl",
        [
            "-s", "-o", "/dev/null", "-w", "%{time_total}", "-X", "POST", "-H",
            "Content-Type: application/json",
            "-d", #"{"content":"pong"}"#, discord.apiURL + "/channels/11/messages",
        ], environment: [:], directory: "/")
    if let seconds = Double(curl.stdout) { reference.append(seconds * 1000) }
}
reference.sort()
func percentile(_ values: [Double], _ p: Double) -> Double {
    values[min(values.count - 1, Int(Double(values.count) * p))]
}
let p50 = percentile(latencies, 0.5)
let p99 = percentile(latencies, 0.99)
let label = "command → first reply, 20/s, 5 downloads (p50)"
print(
    label.padding(toLength: 46, withPad: " ", startingAt: 0)
        + String(
            format:
                " %11.2f ms %11.2f ms %8.2f   (p99 %.2f ms, target p99 < 50 ms; reference: curl POST, p50; %d downloads running)",
            p50, percentile(reference, 0.5), p50 / percentile(reference, 0.5), p99, downloadsRunning))
await discord.stop()
await media.stop()
