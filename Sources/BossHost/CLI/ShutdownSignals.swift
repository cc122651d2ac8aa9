import Dispatch
import Foundation

/// SIGINT/SIGTERM start the service group's graceful shutdown; a second signal exits at once (the queue
/// database is SQLite in WAL mode, so an exit mid-write loses nothing committed, and jobs left running
/// are queued again at the next start). The group's own signal handling has no such escalation.
enum ShutdownSignals {
    static func install(_ stop: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { continuation.yield(signalNumber) }
            source.resume()
            sources.append(source)
        }
        nonisolated(unsafe) let retained = sources  // kept alive by the task below
        return Task {
            var count = 0
            for await _ in stream {
                count += 1
                if count > 1 { exit(130) }
                FileHandle.standardError.write(
                    Data("boss-host: stopping (signal again to exit at once)\n".utf8))
                await stop()
            }
            withExtendedLifetime(retained) {}
        }
    }
}
