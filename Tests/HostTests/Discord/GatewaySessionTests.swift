import BossDiscord
import Foundation
import Logging
import TestSupport
import Testing

/// The gateway session against the fake Discord gateway: real WebSocket (libwebsockets), real
/// zlib-stream compression, the fake's session logic.
@Suite("Gateway session")
struct GatewaySessionTests {
    @Test("identifies with the bot's intents and heartbeats")
    func identifiesAndHeartbeats() async throws {
        try await withHarness(GatewayHarness.start(heartbeatMilliseconds: 100)) { harness in
            #expect(await harness.nextEvent().isReady)
            let identify = try #require(harness.discord.gateway.received(op: 2).first)
            #expect(identify["token"] as? String == GatewayHarness.token)
            #expect(identify["intents"] as? Int == (1 << 0 | 1 << 9 | 1 << 12 | 1 << 15))
            #expect(await eventually { harness.discord.gateway.received(op: 1).count >= 2 })
            #expect(await eventually { await harness.session.latency != nil })
        }
    }

    @Test("a dropped socket is resumed; events sent during the outage arrive once")
    func resumesAfterDrop() async throws {
        try await withHarness(GatewayHarness.start()) { harness in
            #expect(await harness.nextEvent().isReady)
            harness.discord.gateway.dispatch(
                "MESSAGE_CREATE", GatewayHarness.message(id: "1", content: "before"))
            #expect(await harness.nextEvent().content == "before")
            harness.discord.gateway.current?.drop()
            harness.discord.gateway.dispatch(
                "MESSAGE_CREATE", GatewayHarness.message(id: "2", content: "during"))
            // Discord replays the missed events, then sends RESUMED.
            let events = await harness.events(until: { $0 == .resumed })
            #expect(events.last == .resumed)
            #expect(events.compactMap(\.content) == ["during"])
            #expect(harness.discord.gateway.received(op: 6).first?["session_id"] as? String == "session-1")
            #expect(harness.discord.gateway.sessionCount == 1)
            #expect(harness.discord.gateway.connections.count == 2)
        }
    }

    @Test("op 7 reconnects and resumes the same session")
    func reconnectRequest() async throws {
        try await withHarness(GatewayHarness.start()) { harness in
            #expect(await harness.nextEvent().isReady)
            harness.discord.gateway.current?.send(#"{"op":7,"d":null}"#)
            #expect(await harness.events(until: { $0 == .resumed }).last == .resumed)
            #expect(harness.discord.gateway.sessionCount == 1)
            #expect(await harness.session.reconnects == 1)
        }
    }

    @Test("op 9 (not resumable) starts a new session with IDENTIFY")
    func invalidSession() async throws {
        try await withHarness(GatewayHarness.start()) { harness in
            #expect(await harness.nextEvent().isReady)
            harness.discord.gateway.current?.send(#"{"op":9,"d":false}"#)
            #expect(await harness.nextEvent().isReady)
            #expect(harness.discord.gateway.sessionCount == 2)
            #expect(harness.discord.gateway.received(op: 6).isEmpty)
        }
    }

    @Test("a connection that stops acknowledging heartbeats is closed and resumed")
    func zombieConnection() async throws {
        try await withHarness(GatewayHarness.start(heartbeatMilliseconds: 50)) { harness in
            #expect(await harness.nextEvent().isReady)
            harness.discord.gateway.acknowledgesHeartbeats.store(false, ordering: .relaxed)
            #expect(await eventually { harness.discord.gateway.connections.count == 2 })
            harness.discord.gateway.acknowledgesHeartbeats.store(true, ordering: .relaxed)
            #expect(await harness.events(until: { $0 == .resumed }).last == .resumed)
            #expect(harness.discord.gateway.sessionCount == 1)
        }
    }

    @Test("a fatal close code stops the session with what the operator must fix")
    func fatalCloseCode() async throws {
        try await withHarness(GatewayHarness.start(identifyCloseCode: 4014)) { harness in
            let error = await harness.runner.value
            let (code, message) = try #require(
                error?.fatal, "expected a fatal error, got \(String(describing: error))")
            #expect(code == 4014)
            #expect(message.contains("Message Content intent"))
            #expect(harness.discord.gateway.connections.count == 1)
            #expect(!message.contains(GatewayHarness.token))
        }
    }
}
