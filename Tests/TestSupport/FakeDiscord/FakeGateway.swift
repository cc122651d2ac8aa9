import Foundation
import Synchronization

/// The fake Discord gateway's session logic: HELLO, READY/RESUMED, heartbeat ACKs, a sequence log that
/// a RESUME replays, and a record of everything the bot sent. Tests steer it through the public API.
public final class FakeGateway: Sendable {
    struct State {
        var connections: [FakeGatewayConnection] = []
        var received: [(connection: Int, op: Int, json: String, at: ContinuousClock.Instant)] = []
        var log: [(seq: Int, json: String)] = []
        var sessionCount = 0
        var sessionID: String?
    }
    let state = Mutex(State())
    /// Milliseconds between heartbeats, announced in HELLO.
    public let heartbeatInterval = Atomic<Int>(45_000)
    /// When false the gateway never ACKs a heartbeat (a zombie connection).
    public let acknowledgesHeartbeats = Atomic<Bool>(true)
    /// When set, an IDENTIFY is answered by closing with this code (e.g. 4014).
    public let identifyCloseCode = Atomic<Int>(0)
    /// Where RESUME should go (set by `FakeDiscord`).
    let resumeURL = Mutex("")
    let botUserID: String
    let applicationID: String

    init(botUserID: String, applicationID: String) {
        self.botUserID = botUserID
        self.applicationID = applicationID
    }

    /// Connections accepted so far, oldest first.
    public var connections: [FakeGatewayConnection] { state.withLock { $0.connections } }
    /// The newest connection.
    public var current: FakeGatewayConnection? { connections.last }
    /// Payloads the bot sent with opcode `op`, oldest first.
    public func received(op: Int) -> [[String: Any]] {
        let texts = state.withLock { $0.received.filter { $0.op == op }.map(\.json) }
        return texts.map { text in
            let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            return object?["d"] as? [String: Any] ?? [:]
        }
    }
    /// When the first payload with opcode `op` arrived (e.g. 2: IDENTIFY), if one did.
    public func firstArrival(op: Int) -> ContinuousClock.Instant? {
        state.withLock { $0.received.first { $0.op == op }?.at }
    }
    /// Sessions started with IDENTIFY.
    public var sessionCount: Int { state.withLock { $0.sessionCount } }

    /// Sends an event with the next sequence number to the live connection; with no live session it
    /// is only logged, and a RESUME replays it.
    public func dispatch(_ name: String, _ data: String) {
        let (json, target) = state.withLock { state -> (String, FakeGatewayConnection?) in
            let seq = (state.log.last?.seq ?? 0) + 1
            let json = #"{"op":0,"s":\#(seq),"t":"\#(name)","d":\#(data)}"#
            state.log.append((seq, json))
            let live = state.connections.last.flatMap { $0.isLive ? $0 : nil }
            return (json, live)
        }
        target?.send(json)
    }

    func accept() -> FakeGatewayConnection {
        let connection = state.withLock { state in
            let connection = FakeGatewayConnection(index: state.connections.count)
            state.connections.append(connection)
            return connection
        }
        connection.send(
            #"{"op":10,"d":{"heartbeat_interval":\#(heartbeatInterval.load(ordering: .relaxed))}}"#)
        return connection
    }

    func receive(_ text: String, on connection: FakeGatewayConnection) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let op = object["op"] as? Int
        else { return }
        let payload = object["d"] as? [String: Any] ?? [:]
        state.withLock { $0.received.append((connection.index, op, text, .now)) }
        switch op {
        case 1 where acknowledgesHeartbeats.load(ordering: .relaxed): connection.send(#"{"op":11}"#)
        case 2: identify(on: connection)
        case 6: resume(payload, on: connection)
        default: break
        }
    }

    private func identify(on connection: FakeGatewayConnection) {
        let code = identifyCloseCode.load(ordering: .relaxed)
        guard code == 0 else { return connection.close(code: UInt16(code)) }
        let session = state.withLock { state -> String in
            state.sessionCount += 1
            state.sessionID = "session-\(state.sessionCount)"
            return state.sessionID!
        }
        connection.isLive = true
        dispatch(
            "READY",
            #"{"v":10,"session_id":"\#(session)","resume_gateway_url":"\#(resumeURL.withLock { $0 })","#
                + #""user":\#(FakeREST.botUser(id: botUserID)),"#
                + #""application":{"id":"\#(applicationID)","flags":0},"guilds":[]}"#)
    }

    private func resume(_ payload: [String: Any], on connection: FakeGatewayConnection) {
        let seq = payload["seq"] as? Int ?? 0
        let replay = state.withLock { state -> [String]? in
            guard payload["session_id"] as? String == state.sessionID else { return nil }
            // Replays from `seq` itself, one more than Discord does, to prove the client drops duplicates.
            return state.log.filter { $0.seq >= seq }.map(\.json)
        }
        guard let replay else { return connection.send(#"{"op":9,"d":false}"#) }
        for json in replay { connection.send(json) }
        connection.isLive = true
        dispatch("RESUMED", "{}")
    }
}
