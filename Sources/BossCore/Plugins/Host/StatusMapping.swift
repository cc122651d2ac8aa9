import BossNet
import PluginABI

/// The ABI status a plugin sees for a host-side failure.
enum StatusMapping {
    static func status(for error: any Error) -> boss_status {
        switch error {
        case let sink as SinkError: status(sink: sink)
        case let http as HTTPError: status(http: http)
        case let failure as HTTPStatusFailure: status(httpStatus: failure.status)
        default: BOSS_ERR_INTERNAL
        }
    }

    static func status(sink error: SinkError) -> boss_status {
        switch error {
        case .tooLarge: BOSS_ERR_TOO_LARGE
        case .badType, .empty: BOSS_ERR_BAD_TYPE
        case .quotaExceeded: BOSS_ERR_QUOTA
        case .finished, .notAdoptable: BOSS_ERR_INVALID_ARGUMENT
        case .io: BOSS_ERR_INTERNAL
        }
    }

    static func status(http error: HTTPError) -> boss_status {
        switch error {
        case .invalidURL, .unsupportedScheme: BOSS_ERR_INVALID_ARGUMENT
        case .blockedAddress: BOSS_ERR_BLOCKED_ADDRESS
        case .cancelled: BOSS_ERR_CANCELLED
        case .tooManyRedirects, .redirectWithoutLocation: BOSS_ERR_UPSTREAM
        case .unresolvableHost, .timedOut, .connectionFailed, .transport: BOSS_ERR_NETWORK
        }
    }

    /// 404/410 → NOT_FOUND, 429 → RATE_LIMITED, anything else non-2xx → HTTP.
    static func status(httpStatus: Int) -> boss_status {
        switch httpStatus {
        case 200..<300: BOSS_OK
        case 404, 410: BOSS_ERR_NOT_FOUND
        case 429: BOSS_ERR_RATE_LIMITED
        default: BOSS_ERR_HTTP
        }
    }
}
