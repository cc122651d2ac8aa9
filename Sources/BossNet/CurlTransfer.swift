import CCurl
import Foundation

/// The state of one libcurl transfer (one hop), reached from curl's callbacks through their context
/// pointer. Lives on the calling thread only.
final class CurlTransfer {
    enum Outcome {
        case final(HTTPResponseHead)
        case redirect(status: Int, location: String?)
    }

    private let url: String
    /// Polled by curl's progress callback: true stops the transfer.
    let isCancelled: () -> Bool
    private let onResponse: (HTTPResponseHead) throws -> Bool
    private let onBody: (UnsafeRawBufferPointer) throws -> Void
    private var status = 0
    private var headers = HTTPHeaders()
    /// The final response's head, or the redirect to follow; nil when none arrived.
    private(set) var outcome: Outcome?
    /// What the caller's callback threw: rethrown as is.
    private(set) var consumerError: (any Error)?
    private var skipBody = false

    init(
        url: String, isCancelled: @escaping () -> Bool,
        onResponse: @escaping (HTTPResponseHead) throws -> Bool,
        onBody: @escaping (UnsafeRawBufferPointer) throws -> Void
    ) {
        self.url = url
        self.isCancelled = isCancelled
        self.onResponse = onResponse
        self.onBody = onBody
    }

    /// A header line arrived; the blank line ends a response's head. Returns false to stop the transfer.
    func header(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("HTTP/") {
            status = trimmed.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            headers = HTTPHeaders()
            return true
        }
        if !trimmed.isEmpty {
            if let colon = trimmed.firstIndex(of: ":") {
                let name = String(trimmed[..<colon])
                headers.fields.append(
                    (name, trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
            return true
        }
        if status < 200 { return true }  // an interim response (100 Continue): the real one follows
        if [301, 302, 303, 307, 308].contains(status) {
            outcome = .redirect(status: status, location: headers["location"])
            return false  // never read a redirect's body
        }
        let head = HTTPResponseHead(status: status, headers: headers, finalURL: url)
        outcome = .final(head)
        do {
            skipBody = try !onResponse(head)
        } catch {
            consumerError = error
            return false
        }
        return !skipBody
    }

    /// Records whether the final response came over a connection kept from an earlier transfer.
    func noteConnectionReused(_ reused: Bool) {
        guard case .final(var head) = outcome else { return }
        head.reusedConnection = reused
        outcome = .final(head)
    }

    /// A body chunk arrived. Returns false to stop the transfer.
    func body(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard case .final = outcome, !skipBody else { return true }
        do {
            try onBody(chunk)
            return true
        } catch {
            consumerError = error
            return false
        }
    }
}
