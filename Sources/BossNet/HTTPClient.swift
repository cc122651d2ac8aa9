import Foundation
import Logging

/// HTTP over libcurl under the host's network rules: http(s) only, redirects followed here (each hop
/// re-checked by the address guard and pinned), timeouts, the host's User-Agent, streaming bodies.
/// Blocking by design: the host calls it from dedicated threads, never from the cooperative pool.
public final class HTTPClient: Sendable {
    /// The rules applied to every request.
    public let policy: NetworkPolicy
    private let logger: Logger
    /// Handles kept alive between requests, when the client reuses connections.
    private let pool: CurlHandlePool?
    private static let credentialHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie"]

    /// Creates a client; with `reusesConnections`, connections stay open for the next request to the
    /// same origin (for a trusted API; hops that need address pinning always get a fresh connection).
    public init(policy: NetworkPolicy, logger: Logger, reusesConnections: Bool = false) {
        self.policy = policy
        self.logger = logger
        pool = reusesConnections ? CurlHandlePool() : nil
    }

    /// Performs `request` on the calling thread. `onResponse` sees the final response's head before any
    /// body byte (return false to skip the body); `onBody` receives the body in order. An error either
    /// throws stops the transfer and is rethrown unchanged; otherwise failures are `HTTPError`s.
    public func perform(
        _ request: HTTPRequest, isCancelled: @escaping @Sendable () -> Bool = { false },
        onResponse: (HTTPResponseHead) throws -> Bool = { _ in true },
        onBody: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> HTTPResponseHead {
        try withoutActuallyEscaping(onResponse) { onResponse in
            try withoutActuallyEscaping(onBody) { onBody in
                try follow(request, isCancelled: isCancelled, onResponse: onResponse, onBody: onBody)
            }
        }
    }

    private func follow(
        _ request: HTTPRequest, isCancelled: @escaping @Sendable () -> Bool,
        onResponse: @escaping (HTTPResponseHead) throws -> Bool,
        onBody: @escaping (UnsafeRawBufferPointer) throws -> Void
    ) throws -> HTTPResponseHead {
        var current = request
        for hop in 0...policy.maxRedirects {
            let url = try CurlURL(current.url)
            let pin = try AddressGuard(policy: policy, logger: logger).check(url)
            let transfer = CurlTransfer(
                url: url.text, isCancelled: isCancelled, onResponse: onResponse, onBody: onBody)
            do {
                try CurlEasy.run(current, url: url, pin: pin, policy: policy, transfer: transfer, pool: pool)
            } catch {
                if let consumer = transfer.consumerError { throw consumer }
                throw error
            }
            if let consumer = transfer.consumerError { throw consumer }
            switch transfer.outcome {
            case .final(let head): return head
            case .redirect(let status, let location):
                guard let location, let next = CurlURL.resolve(location, against: url.text) else {
                    throw HTTPError.redirectWithoutLocation(status: status)
                }
                guard hop < policy.maxRedirects else {
                    throw HTTPError.tooManyRedirects(limit: policy.maxRedirects, lastURL: next)
                }
                if HTTPOrigin(url: next) != HTTPOrigin(url: url.text) {
                    // Credentials are for the origin they were given to, never for where it redirects.
                    current.headers.removeAll { Self.credentialHeaders.contains($0.name.lowercased()) }
                }
                current.url = next
                if status == 303 || (current.method == .post && (status == 301 || status == 302)) {
                    current.method = .get
                    current.body = nil
                    current.multipart = nil
                }
            case nil: throw HTTPError.transport(code: -1, message: "no response from \(url.text)")
            }
        }
        throw HTTPError.tooManyRedirects(limit: policy.maxRedirects, lastURL: current.url)
    }
}
