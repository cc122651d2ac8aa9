import BossNet
import Foundation
import Logging

/// Runs blocking client calls on their own thread, as the host does: the cooperative pool (2 threads
/// here) must stay free for the in-process test server.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// A client with the given rules, and a GET that collects the body.
struct NetHarness {
    var policy = NetworkPolicy(userAgent: "boss-bot-test/1.0")

    init(
        allowPrivate: Bool = true, trusted: [String] = [], configure: (inout NetworkPolicy) -> Void = { _ in }
    ) {
        policy.allowPrivateNetworks = allowPrivate
        policy.trustedOrigins = Set(trusted.compactMap(HTTPOrigin.init(url:)))
        configure(&policy)
    }

    var client: HTTPClient { HTTPClient(policy: policy, logger: Logger(label: "test")) }

    func get(
        _ url: String, method: HTTPMethod = .get, isCancelled: @escaping @Sendable () -> Bool = { false }
    ) async throws -> (head: HTTPResponseHead, body: [UInt8]) {
        let client = self.client
        return try await offPool {
            var body: [UInt8] = []
            let head = try client.perform(HTTPRequest(url: url, method: method), isCancelled: isCancelled) {
                chunk in
                body.append(contentsOf: chunk)
            }
            return (head, body)
        }
    }
}

extension HTTPError {
    /// Whether this is `.blockedAddress`, whatever the host, address and range.
    var isBlockedAddress: Bool {
        if case .blockedAddress = self { return true }
        return false
    }
}
