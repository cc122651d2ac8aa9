import CWebSockets
import Foundation
import Logging
import Synchronization

/// Routes libwebsockets' own log (errors and warnings only; TLS handshake failures are reported only
/// there) into the host's logger. lws has one process-wide log sink, hence a global.
enum WebSocketLog {
    private static let sink = Mutex<Logger?>(nil)

    static func install(_ logger: Logger) {
        let first = sink.withLock { current -> Bool in
            defer { current = logger }
            return current == nil
        }
        guard first else { return }
        lws_set_log_level(LLL_ERR | LLL_WARN) { level, line in
            guard let line else { return }
            let text = String(cString: line).trimmingCharacters(in: .whitespacesAndNewlines)
            WebSocketLog.sink.withLock { logger in
                if level & LLL_ERR != 0 {
                    logger?.error("libwebsockets: \(text)")
                } else {
                    logger?.warning("libwebsockets: \(text)")
                }
            }
        }
    }
}
