import Foundation

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
