import Logging
import Synchronization

/// Waits for a value, or for a time limit, whichever comes first, without waiting for the other.
enum FirstOf {
    static func value<T: Sendable>(
        _ value: @autoclosure @escaping @Sendable () async -> T, orAfter limit: Duration
    ) async -> T? {
        let once = Once<T?>()
        return await withCheckedContinuation { continuation in
            once.arm(continuation)
            let sleeper = Task {
                try await Task.sleep(for: limit)
                once.resume(nil)
            }
            Task {
                once.resume(await value())
                sleeper.cancel()
            }
        }
    }
}

/// Resumes a continuation once, whoever comes first.
private final class Once<T: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<T, Never>?>(nil)

    func arm(_ continuation: CheckedContinuation<T, Never>) {
        self.continuation.withLock { $0 = continuation }
    }

    func resume(_ value: T) { continuation.withLock { $0.take() }?.resume(returning: value) }
}
