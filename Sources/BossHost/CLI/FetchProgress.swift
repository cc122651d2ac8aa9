import BossCore
import Foundation

/// Shows running downloads on stderr: on a terminal, a bar per job (bytes, speed, ETA) redrawn in
/// place; otherwise one plain line when a job starts and when it ends.
final class FetchProgress: Sendable {
    let queue: DownloadQueue
    let terminal: Bool
    /// Subscribed at creation, so that no transition after it is missed.
    let events: AsyncStream<JobEvent>

    init(queue: DownloadQueue, terminal: Bool) {
        self.queue = queue
        self.terminal = terminal
        events = queue.events()
    }

    func run() async {
        if terminal { await redrawUntilCancelled() } else { await printTransitions() }
    }

    private func printTransitions() async {
        for await event in events {
            switch event {
            case .started(let job): printError("started #\(job.id) \(job.url)")
            case .finished(let job): printError("\(job.state.rawValue) #\(job.id) \(job.url)")
            case .queued: continue
            }
        }
    }

    private func redrawUntilCancelled() async {
        var speeds = SpeedMeter()
        var drawn = 0
        while !Task.isCancelled {
            let running = await queue.snapshot().running
            var lines: [String] = []
            for (job, progress) in running {
                let speed = speeds.sample(job.id, bytes: progress.done)
                lines.append(ProgressLine(job: job.id, progress: progress, bytesPerSecond: speed).text)
            }
            var frame = drawn > 0 ? "\u{1B}[\(drawn)A" : ""
            for line in lines { frame += "\u{1B}[2K\r" + line + "\n" }
            for _ in lines.count..<max(drawn, lines.count) { frame += "\u{1B}[2K\n" }
            let blank = max(drawn - lines.count, 0)
            if blank > 0 { frame += "\u{1B}[\(blank)A" }
            FileHandle.standardError.write(Data(frame.utf8))
            drawn = lines.count
            try? await Task.sleep(for: .milliseconds(200))
        }
        // The summary replaces the bars: erase them.
        if drawn > 0 { FileHandle.standardError.write(Data("\u{1B}[\(drawn)A\u{1B}[J".utf8)) }
    }
}

/// Bytes per second per job, smoothed so the figure does not jump with every chunk.
struct SpeedMeter {
    private var last: [JobID: (bytes: UInt64, at: ContinuousClock.Instant, rate: Double)] = [:]

    mutating func sample(_ id: JobID, bytes: UInt64) -> Double {
        let now = ContinuousClock.now
        guard let previous = last[id] else {
            last[id] = (bytes, now, 0)
            return 0
        }
        let elapsed = (now - previous.at) / .seconds(1)
        guard elapsed > 0.1 else { return previous.rate }
        let instant = Double(bytes &- previous.bytes) / elapsed
        let rate = previous.rate == 0 ? instant : previous.rate * 0.7 + instant * 0.3
        last[id] = (bytes, now, rate)
        return rate
    }
}

/// `#3 [########------------]  41%  20.5 MB / 50.0 MB  12.3 MB/s  ETA 2s`
struct ProgressLine {
    let job: JobID
    let progress: JobProgress
    let bytesPerSecond: Double

    var text: String {
        let done = FetchSummary.format(bytes: Int64(progress.done))
        let speed = FetchSummary.format(bytes: Int64(bytesPerSecond)) + "/s"
        guard progress.total > 0 else { return "#\(job) \(done)  \(speed)" }
        let fraction = min(Double(progress.done) / Double(progress.total), 1)
        let filled = Int(fraction * 20)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: 20 - filled)
        let remaining = Double(progress.total - min(progress.done, progress.total))
        let eta = bytesPerSecond > 0 ? "ETA \(Int(remaining / bytesPerSecond))s" : "ETA --"
        let total = FetchSummary.format(bytes: Int64(progress.total))
        return
            "#\(job) [\(bar)] \(String(format: "%3d", Int(fraction * 100)))%  \(done) / \(total)  \(speed)  \(eta)"
    }
}
