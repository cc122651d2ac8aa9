import Foundation

/// Why a REST call failed, after the retries that make sense.
public enum DiscordRESTError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Discord answered with an error. `code` is Discord's JSON error code (e.g. 40005: too large).
    case http(status: Int, code: Int?, message: String, route: String)
    /// The request never got an answer (connection, timeout).
    case transport(String, route: String)
    /// The answer was not the JSON expected.
    case decoding(String, route: String)

    /// For the operator's log (never contains the token: headers are not part of it).
    public var description: String {
        switch self {
        case .http(let status, let code, let message, let route):
            "\(route): HTTP \(status)\(code.map { " (code \($0))" } ?? ""): \(message)"
        case .transport(let message, let route): "\(route): \(message)"
        case .decoding(let message, let route): "\(route): unexpected response: \(message)"
        }
    }

    /// The request (or one of its files) was over the upload limit: 413 or error 40005.
    public var isPayloadTooLarge: Bool {
        if case .http(let status, let code, _, _) = self { return status == 413 || code == 40005 }
        return false
    }
}

extension DiscordRESTError {
    /// An error answer: its status, with Discord's JSON error code and message when the body has them.
    init(status: Int, body: [UInt8], route: String) {
        struct ErrorBody: Decodable {
            var code: Int?
            var message: String?
        }
        let decoded = try? JSONDecoder().decode(ErrorBody.self, from: Data(body))
        self = .http(
            status: status, code: decoded?.code, message: decoded?.message ?? "no message", route: route)
    }
}
