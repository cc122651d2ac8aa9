import BossBot
import BossCore
import BossDiscord
import Testing

@Suite("Delivery planning and limits")
struct DeliveryPlanningTests {
    func file(_ name: String, _ megabytes: Double) -> UploadFile {
        UploadFile(name: name, path: "/tmp/\(name)", size: Int64(megabytes * 1_048_576))
    }

    @Test("at most 10 files and 25 MiB per message; files over the channel's limit set apart")
    func batches() {
        let planner = UploadPlanner(uploadLimit: 10 * 1_048_576)
        let files =
            (0..<12).map { file("f\($0).jpg", 1) } + [
                file("big.mp4", 12), file("a.mp4", 9), file("b.mp4", 9),
            ]
        let (batches, oversize) = planner.plan(files)
        #expect(oversize.map(\.name) == ["big.mp4"])
        #expect(batches.allSatisfy { $0.count <= 10 })
        #expect(batches.allSatisfy { $0.reduce(0) { $0 + $1.size } <= UploadPlanner.maxBytesPerMessage })
        #expect(batches.flatMap { $0 }.map(\.name) == files.map(\.name).filter { $0 != "big.mp4" })
    }

    @Test("the progress line shows a bar, bytes and speed")
    func progressLine() {
        let line = ProgressText.line(
            job: JobID(rawValue: 12), progress: JobProgress(done: 3 * 1_048_576, total: 5 * 1_048_576),
            bytesPerSecond: 1.5 * 1_048_576, link: "<https://a.example/x>")
        #expect(line.contains("#12 `[██████░░░░]` 60% · 3.0 MB / 5.0 MB · 1.5 MB/s"))
        let unknown = ProgressText.line(
            job: JobID(rawValue: 1), progress: JobProgress(done: 1_048_576), bytesPerSecond: 0, link: "<u>")
        #expect(unknown.contains("1.0 MB · 0.0 MB/s"))
    }

    @Test("a user's token bucket refills at its rate")
    func userRateLimit() {
        let limiter = UserRateLimiter(capacity: 2, window: .seconds(60))
        let start = ContinuousClock.now
        #expect(limiter.take(2, for: "u", now: start) == nil)
        #expect(limiter.take(1, for: "u", now: start) != nil)
        #expect(limiter.take(1, for: "other", now: start) == nil)
        #expect(limiter.take(1, for: "u", now: start + .seconds(31)) == nil)
    }

    @Test("a burst over the bucket gets what is left, and how long until the rest would be there")
    func userRateLimitPartial() throws {
        let limiter = UserRateLimiter(capacity: 5, window: .seconds(60))
        let start = ContinuousClock.now
        let first = limiter.take(upTo: 7, for: "u", now: start)
        #expect(first.granted == 5)
        let wait = try #require(first.wait)
        #expect(wait > .seconds(23) && wait <= .seconds(25), "2 tokens at 5 per 60 s: 24 s")
        #expect(limiter.take(upTo: 1, for: "u", now: start).granted == 0)
        let later = limiter.take(upTo: 3, for: "u", now: start + .seconds(12))
        #expect(later.granted == 1, "12 s refill one token")
        #expect(later.wait.map { $0 > .seconds(23) && $0 <= .seconds(25) } == true)
        let other = limiter.take(upTo: 2, for: "other", now: start)
        #expect(other.granted == 2 && other.wait == nil)
    }

    @Test("allowlists, admins and DMs")
    func access() {
        var policy = AccessPolicy()
        #expect(policy.refusal(user: "1", guild: "5", channel: "10", memberRoles: []) == nil)
        #expect(policy.refusal(user: "1", guild: nil, channel: "10", memberRoles: []) != nil)
        policy.channels = ["11"]
        policy.roles = ["77"]
        #expect(policy.refusal(user: "1", guild: "5", channel: "10", memberRoles: ["77"]) != nil)
        #expect(policy.refusal(user: "1", guild: "5", channel: "11", memberRoles: []) != nil)
        #expect(policy.refusal(user: "1", guild: "5", channel: "11", memberRoles: ["77"]) == nil)
        policy.admins = ["1"]
        #expect(policy.refusal(user: "1", guild: "6", channel: "99", memberRoles: []) == nil)
    }
}
