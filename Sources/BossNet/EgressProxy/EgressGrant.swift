import Foundation
import Synchronization

/// One job's pass through the egress proxy: credentials of its own, the job and plugin it serves
/// (named in every security log line), and a byte budget. A grant closes when the job's work is
/// done, when `isStopped` says the job was cancelled or ran past its deadline, or when the budget is
/// spent; the proxy then refuses new connections and cuts open tunnels within a poll interval.
public final class EgressGrant: Sendable {
    /// The job, as named in logs.
    public let job: String
    /// The plugin the job runs.
    public let plugin: String
    /// Bytes the job may move through the proxy, both directions counted.
    public let byteBudget: Int64
    /// The proxy user name of this grant (random, so no job can guess another's).
    let username: String
    /// The proxy password (random).
    let secret: String
    private let isStopped: @Sendable () -> Bool
    private let used = Atomic<Int64>(0)
    private let closed = Atomic<Bool>(false)
    private let refused = Mutex<String?>(nil)

    init(job: String, plugin: String, byteBudget: Int64, isStopped: @escaping @Sendable () -> Bool) {
        self.job = job
        self.plugin = plugin
        self.byteBudget = byteBudget
        self.isStopped = isStopped
        username = "job-" + Self.randomHex(bytes: 6)
        secret = Self.randomHex(bytes: 24)
    }

    /// Bytes moved so far.
    public var bytesUsed: Int64 { used.load(ordering: .relaxed) }

    /// Whether connections may still start and run.
    public var isOpen: Bool { !closed.load(ordering: .acquiring) && !isStopped() && bytesUsed <= byteBudget }

    /// Counts `bytes` against the budget; false once it is spent.
    func consume(_ bytes: Int) -> Bool {
        used.add(Int64(bytes), ordering: .relaxed).newValue <= byteBudget
    }

    /// The last host the guard refused this job (a private or local address), if any: a child that
    /// failed after such a refusal failed because of it.
    public var refusedHost: String? { refused.withLock { $0 } }

    func recordRefusal(host: String) { refused.withLock { $0 = host } }

    /// Ends the grant for good.
    func close() { closed.store(true, ordering: .releasing) }

    /// The proxy URL with this grant's credentials, for a child's `--proxy` option and `*_PROXY`.
    public func proxyURL(port: Int) -> String { "http://\(username):\(secret)@127.0.0.1:\(port)" }

    /// Whether a `Proxy-Authorization: Basic ...` value carries exactly these credentials.
    func matches(password: String) -> Bool {
        // Constant time in the password's length: no timing tells how much of a guess was right.
        let given = Array(password.utf8)
        let expected = Array(secret.utf8)
        guard given.count == expected.count else { return false }
        return zip(given, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }
            .joined()
    }
}
