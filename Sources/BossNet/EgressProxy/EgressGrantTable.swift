import Foundation
import Synchronization

/// The open grants, by user name.
final class EgressGrantTable: Sendable {
    private let grants = Mutex<[String: EgressGrant]>([:])

    func insert(_ grant: EgressGrant) { grants.withLock { $0[grant.username] = grant } }

    func remove(_ grant: EgressGrant) {
        grant.close()
        _ = grants.withLock { $0.removeValue(forKey: grant.username) }
    }

    /// The grant a `Proxy-Authorization` header value names, when its password matches.
    func authenticate(_ header: String?) -> EgressGrant? {
        guard let header, header.lowercased().hasPrefix("basic "),
            let decoded = Data(
                base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        let username = String(text[..<colon])
        let password = String(text[text.index(after: colon)...])
        guard let grant = grants.withLock({ $0[username] }), grant.matches(password: password) else {
            return nil
        }
        return grant
    }
}
