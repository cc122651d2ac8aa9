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
