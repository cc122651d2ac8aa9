import BossCore
import Foundation

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
