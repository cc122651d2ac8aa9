import BossNet
import PluginABI

extension boss_status {
    /// The ABI status a plugin sees for a host-side failure.
    init(_ error: any Error) {
        switch error {
        case let sink as SinkError: self.init(sink: sink)
        case let http as HTTPError: self.init(http: http)
        case let status as HTTPStatusFailure: self.init(httpStatus: status.status)
        default: self = BOSS_ERR_INTERNAL
        }
    }

    init(sink error: SinkError) {
        switch error {
        case .tooLarge: self = BOSS_ERR_TOO_LARGE
        case .badType, .empty: self = BOSS_ERR_BAD_TYPE
        case .quotaExceeded: self = BOSS_ERR_QUOTA
        case .finished: self = BOSS_ERR_INVALID_ARGUMENT
        case .io: self = BOSS_ERR_INTERNAL
        }
    }

    init(http error: HTTPError) {
        switch error {
        case .invalidURL, .unsupportedScheme: self = BOSS_ERR_INVALID_ARGUMENT
        case .blockedAddress: self = BOSS_ERR_BLOCKED_ADDRESS
        case .cancelled: self = BOSS_ERR_CANCELLED
        case .tooManyRedirects, .redirectWithoutLocation: self = BOSS_ERR_UPSTREAM
        case .unresolvableHost, .timedOut, .connectionFailed, .transport: self = BOSS_ERR_NETWORK
        }
    }

    /// 404/410 → NOT_FOUND, 429 → RATE_LIMITED, anything else non-2xx → HTTP.
    init(httpStatus: Int) {
        switch httpStatus {
        case 200..<300: self = BOSS_OK
        case 404, 410: self = BOSS_ERR_NOT_FOUND
        case 429: self = BOSS_ERR_RATE_LIMITED
        default: self = BOSS_ERR_HTTP
        }
    }
}

/// A response whose status ends a host request early (before any body byte reaches a plugin).
struct HTTPStatusFailure: Error, CustomStringConvertible {
    let status: Int
    let url: String
    var description: String { "HTTP \(status) from \(url)" }
}
