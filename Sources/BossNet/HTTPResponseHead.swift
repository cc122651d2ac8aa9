import Foundation

/// The head of a response: status, headers, and where it came from after redirects.
public struct HTTPResponseHead: Sendable {
    /// HTTP status code.
    public var status: Int
    /// Header fields.
    public var headers: HTTPHeaders
    /// The URL that answered (after redirects).
    public var finalURL: String
    /// The answer came over a connection kept open from an earlier request (no new handshake).
    public var reusedConnection = false
    /// `Content-Length`, when sent.
    public var contentLength: Int64? {
        headers["content-length"].flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
    }
    /// `Content-Type`, when sent.
    public var contentType: String? { headers["content-type"] }
}
