import Foundation

/// Runs plugin code on a thread of its own: a plugin may block for minutes (a slow site, a child
/// process), and must never hold one of the few threads of Swift's cooperative pool.
enum PluginThread {
    static func run<T: Sendable>(name: String, _ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.name = name
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
