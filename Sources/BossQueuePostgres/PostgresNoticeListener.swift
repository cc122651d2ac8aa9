import BossCore
import Logging
import PostgresNIO

/// LISTEN on the `boss_queue` channel, on a connection of its own (a listening connection cannot run
/// the store's queries). Reconnects after a second when the connection drops; what was announced
/// meanwhile is caught by the queue's lease beat, which also dispatches and renews.
struct PostgresNoticeListener: Sendable {
    let configuration: PostgresConnection.Configuration
    let logger: Logger

    /// Notices until the stream's consumer stops iterating.
    func notices() -> AsyncStream<QueueNotice> {
        let (stream, continuation) = AsyncStream.makeStream(of: QueueNotice.self)
        let task = Task { [configuration, logger] in
            while !Task.isCancelled {
                do {
                    let connection = try await PostgresConnection.connect(
                        configuration: configuration, id: 0, logger: logger)
                    do {
                        try await connection.listen(on: "boss_queue") { notifications in
                            continuation.yield(.listening)
                            for try await notification in notifications {
                                if let notice = Self.notice(notification.payload) {
                                    continuation.yield(notice)
                                }
                            }
                        }
                    } catch {
                        try await connection.close()
                        throw error
                    }
                    try await connection.close()
                } catch {
                    if Task.isCancelled { break }
                    logger.warning(
                        "queue database: listening for notices failed: \(PostgresQueueError.wrapping(error)); again in 1 s"
                    )
                }
                do { try await Task.sleep(for: .seconds(1)) } catch { break }  // cancelled: stop
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// `queued:<scope>` or `cancel:<job id>`.
    static func notice(_ payload: String) -> QueueNotice? {
        if payload.hasPrefix("queued:") { return .queued(scope: String(payload.dropFirst("queued:".count))) }
        if payload.hasPrefix("cancel:"), let id = Int64(payload.dropFirst("cancel:".count)) {
            return .cancelRequested(JobID(rawValue: id))
        }
        return nil
    }
}
