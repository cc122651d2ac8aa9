import BossCore
import BossMetrics

/// Turns queue events into metric updates.
enum QueueMetrics {
    static func record(_ event: JobEvent) {
        switch event {
        case .queued: BossMetrics.jobTransition("queued")
        case .started: BossMetrics.jobTransition("started")
        case .finished(let job):
            BossMetrics.jobTransition(job.state.rawValue)
            if job.state == .failed { BossMetrics.error(job.failureCategory?.rawValue ?? "internal") }
        }
    }
}
