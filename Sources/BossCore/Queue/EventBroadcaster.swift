import Foundation
import Synchronization

/// Sends every event to every current subscriber.
final class EventBroadcaster: Sendable {
    private let subscribers = Mutex<[UUID: AsyncStream<JobEvent>.Continuation]>([:])

    func subscribe() -> AsyncStream<JobEvent> {
        let (stream, continuation) = AsyncStream<JobEvent>.makeStream()
        let id = UUID()
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { _ = $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    func send(_ event: JobEvent) {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(event) }
    }
}
