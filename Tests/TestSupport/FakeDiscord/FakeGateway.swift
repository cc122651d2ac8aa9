import Foundation
import Synchronization

/// The fake Discord gateway's session logic: HELLO, READY/RESUMED, heartbeat ACKs, a sequence log that
/// a RESUME replays, and a record of everything the bot sent. Tests steer it through the public API.
public final class FakeGateway: Sendable {
    struct State {
        var connections: [FakeGatewayConnection] = []
        var received: [(connection: Int, op: Int, json: String, at: ContinuousClock.Instant)] = []
        var log: [(seq: Int, shard: Int, json: String)] = []
        var sessionCount = 0
        /// The live session of each shard id.
        var sessionIDs: [Int: String] = [:]
        /// The shard each connection identified or resumed as, by connection index.
        var shardOf: [Int: Int] = [:]
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
    /// Every IDENTIFY's `shard` (`[id, count]`), when it arrived and on which connection, oldest first.
    public var identifies: [(shard: [Int], at: ContinuousClock.Instant, connection: Int)] {
        state.withLock { state in
            state.received.filter { $0.op == 2 }.map { entry in
                let object = try? JSONSerialization.jsonObject(with: Data(entry.json.utf8)) as? [String: Any]
                let payload = object?["d"] as? [String: Any]
                return (payload?["shard"] as? [Int] ?? [0, 1], entry.at, entry.connection)
            }
        }
    }
    /// Sessions started with IDENTIFY.
    public var sessionCount: Int { state.withLock { $0.sessionCount } }

    /// Sends an event with the next sequence number to shard `shard`'s live connection (nil: the newest
    /// connection, whatever its shard); with no live session it is only logged, and a RESUME replays it.
    public func dispatch(_ name: String, _ data: String, shard: Int? = nil) {
        let (json, target) = state.withLock { state -> (String, FakeGatewayConnection?) in
            let seq = (state.log.last?.seq ?? 0) + 1
            let json = #"{"op":0,"s":\#(seq),"t":"\#(name)","d":\#(data)}"#
            let candidates = state.connections.filter { shard == nil || state.shardOf[$0.index] == shard }
            let target = candidates.last
            state.log.append((seq, shard ?? target.flatMap { state.shardOf[$0.index] } ?? 0, json))
            return (json, target.flatMap { $0.isLive ? $0 : nil })
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
        case 2: identify(shard: payload["shard"] as? [Int] ?? [0, 1], on: connection)
        case 6: resume(payload, on: connection)
        default: break
        }
    }

    private func identify(shard: [Int], on connection: FakeGatewayConnection) {
        let code = identifyCloseCode.load(ordering: .relaxed)
        guard code == 0 else { return connection.close(code: UInt16(code)) }
        let id = shard.first ?? 0
        let session = state.withLock { state -> String in
            state.sessionCount += 1
            state.sessionIDs[id] = "session-\(state.sessionCount)"
            state.shardOf[connection.index] = id
            return "session-\(state.sessionCount)"
        }
        connection.isLive = true
        dispatch(
            "READY",
            #"{"v":10,"session_id":"\#(session)","resume_gateway_url":"\#(resumeURL.withLock { $0 })","#
                + #""user":\#(FakeREST.botUser(id: botUserID)),"shard":\#(shard),"#
                + #""application":{"id":"\#(applicationID)","flags":0},"guilds":[]}"#, shard: id)
    }

    private func resume(_ payload: [String: Any], on connection: FakeGatewayConnection) {
        let seq = payload["seq"] as? Int ?? 0
        let replay = state.withLock { state -> (shard: Int, events: [String])? in
            guard
                let shard = state.sessionIDs.first(where: { $0.value == payload["session_id"] as? String })?
                    .key
            else { return nil }
            state.shardOf[connection.index] = shard
            // Replays from `seq` itself, one more than Discord does, to prove the client drops duplicates.
            return (shard, state.log.filter { $0.seq >= seq && $0.shard == shard }.map(\.json))
        }
        guard let replay else { return connection.send(#"{"op":9,"d":false}"#) }
        for json in replay.events { connection.send(json) }
        connection.isLive = true
        dispatch("RESUMED", "{}", shard: replay.shard)
    }
}
