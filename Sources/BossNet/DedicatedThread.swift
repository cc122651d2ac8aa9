import Foundation

/// Runs blocking work on a thread of its own: a libcurl transfer, a plugin's `extract` or a child
/// process may block for minutes, and must never hold one of the few threads of Swift's cooperative
/// pool.
public enum DedicatedThread {
    /// Runs `body` on a new thread named `name` (8 MiB of stack: plugin code may recurse deeply) and
    /// returns its result.
    public static func run<T: Sendable>(name: String, _ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.name = name
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
