import Foundation

/// Runs blocking `body` (a child process waited for, a server started) on a thread of its own and
/// returns its result: a test that waits must not hold one of the cooperative pool's few threads, which
/// every other test running in parallel needs.
public func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
