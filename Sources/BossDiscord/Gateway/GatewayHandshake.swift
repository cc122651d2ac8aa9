import Foundation

/// What opens each connection, IDENTIFY or RESUME, and what that needs: the session to resume and
/// where, the last sequence number handled, who the bot is, and the daily IDENTIFY budget and spacing.
/// Holds the token (secret: never logged).
struct GatewayHandshake {
    private let token: String
    private let intents: GatewayIntents
    private let shard: ShardInfo
    private let identifySpacing: Duration
    private let gate: IdentifyGate?
    /// The resumable session, once READY arrived.
    private var session: (id: String, resumeURL: String)?
    /// Who the bot is, from READY or from the saved session.
    private var identity: (user: Snowflake, application: Snowflake)?
    /// The last dispatch handled: sent with heartbeats and RESUME.
    private(set) var sequence: Int?
    private var lastIdentify: ContinuousClock.Instant?
    private var identifiesLeft: Int

    init(configuration: GatewayConfiguration) {
        token = configuration.token
        intents = configuration.intents
        shard = configuration.shard
        identifySpacing = configuration.identifySpacing
        gate = configuration.identifyGate
        identifiesLeft = configuration.identifyBudget
        if let saved = configuration.resume {
            session = (saved.sessionID, saved.resumeURL)
            sequence = saved.sequence
            identity = (saved.userID, saved.applicationID)
        }
    }

    /// Only an IDENTIFY could open the next connection, and one over the daily budget (this session's, or
    /// the one all shards share) gets the token reset.
    func isBudgetExhausted() async -> Bool {
        guard session == nil else { return false }
        if identifiesLeft <= 0 { return true }
        return await gate?.isExhausted ?? false
    }

    /// The next connection RESUMEs (a session exists).
    var isResuming: Bool { session != nil }

    /// The next connection's URL: the session's resume URL (else `gatewayURL`) with the query Discord expects.
    func connectURL(default gatewayURL: String) -> String {
        var trimmed = session?.resumeURL ?? gatewayURL
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed + "/?v=10&encoding=json&compress=zlib-stream"
    }

    /// Waits until the next opening may go: a RESUME at once, an IDENTIFY `identifySpacing` after this
    /// session's last one and then in its turn among the shards that share its bucket. False when the
    /// budget the shards share is used up: the connection must close without an IDENTIFY.
    func waitForTurn() async throws -> Bool {
        guard session == nil else { return true }
        if let lastIdentify { try await Task.sleep(until: lastIdentify + identifySpacing) }
        return await gate?.waitTurn(shard: shard.id) ?? true
    }

    /// RESUME when a session exists, otherwise IDENTIFY, counted against the daily budget.
    mutating func open() -> GatewayOpening {
        if let session { return .resume(ResumePayload(token: token, sessionId: session.id, seq: sequence)) }
        identifiesLeft -= 1
        lastIdentify = .now
        sequence = nil
        return .identify(
            IdentifyPayload(token: token, intents: intents.rawValue, shard: [shard.id, shard.count]))
    }

    /// Records a dispatch's sequence number. False for one handled already: a RESUME replays what was
    /// missed, and anything at or below our sequence is a repeat.
    mutating func accept(sequence number: Int) -> Bool {
        if let sequence, number <= sequence { return false }
        sequence = number
        return true
    }

    /// READY: the session to resume later and who the bot is.
    mutating func ready(_ ready: ReadyEvent) {
        session = (ready.sessionId, ready.resumeGatewayURL)
        identity = (ready.user.id, ready.application.id)
    }

    /// The session is gone: the next connection IDENTIFYs.
    mutating func forgetSession() { session = nil }

    /// The session to RESUME after a restart, once READY (or a saved session) said who the bot is.
    func saved() -> SavedSession? {
        guard let session, let identity else { return nil }
        return SavedSession(
            sessionID: session.id, resumeURL: session.resumeURL, sequence: sequence, userID: identity.user,
            applicationID: identity.application)
    }
}
