import Foundation

/// An HTTP method.
public enum HTTPMethod: String, Sendable {
    case get = "GET"
    case head = "HEAD"
    case post = "POST"
    case put = "PUT"
    case patch = "PATCH"
    case delete = "DELETE"
}

/// A request the host makes. Headers are never logged or put into errors (they may carry credentials).
public struct HTTPRequest: Sendable {
    /// Absolute http(s) URL.
    public var url: String
    /// The method.
    public var method: HTTPMethod
    /// Header fields in order.
    public var headers: [(name: String, value: String)]
    /// A request body, sent as is.
    public var body: [UInt8]?
    /// A `multipart/form-data` body (instead of `body`); file parts are streamed from disk.
    public var multipart: [MultipartPart]?
    /// A cap on this request's whole transfer, overriding the policy's.
    public var timeout: Duration?

    /// Creates a request.
    public init(
        url: String, method: HTTPMethod = .get, headers: [(name: String, value: String)] = [],
        body: [UInt8]? = nil, multipart: [MultipartPart]? = nil, timeout: Duration? = nil
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.multipart = multipart
        self.timeout = timeout
    }
}

/// Response header fields, in order, looked up without regard to case.
public struct HTTPHeaders: Sendable, Equatable {
    /// The fields as received.
    public var fields: [(name: String, value: String)] = []

    /// Empty headers.
    public init() {}

    /// The first value of `name`.
    public subscript(name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Compares fields in order.
    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }
}

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
