import BossDiscord
import Foundation
import Logging
import TestSupport

/// A gateway session connected to a fake Discord, with fast timings.
struct GatewayHarness: Stoppable {
    static let token = "test-token-abc.def"
    let discord: FakeDiscord
    let session: GatewaySession
    let runner: Task<GatewayError?, Never>
    let iterator: EventIterator

    /// Shares the session's event iterator between calls.
    final class EventIterator: @unchecked Sendable {
        var base: AsyncStream<GatewayEvent>.Iterator
        init(_ stream: AsyncStream<GatewayEvent>) { base = stream.makeAsyncIterator() }
    }

    static func start(heartbeatMilliseconds: Int = 45_000, identifyCloseCode: Int = 0) async throws
        -> GatewayHarness
    {
        let discord = try await FakeDiscord.start()
        discord.gateway.heartbeatInterval.store(heartbeatMilliseconds, ordering: .relaxed)
        discord.gateway.identifyCloseCode.store(identifyCloseCode, ordering: .relaxed)
        var configuration = GatewayConfiguration(token: token)
        configuration.backoff = ReconnectBackoff(base: .milliseconds(20), cap: .milliseconds(200))
        configuration.invalidSessionWait = 0.01...0.05
        configuration.identifySpacing = .milliseconds(10)
        let session = GatewaySession(
            gatewayURL: "ws://127.0.0.1:\(discord.port)/gateway", configuration: configuration,
            logger: Logger(label: "gateway-test"))
        let runner = Task { () -> GatewayError? in
            do {
                try await session.run()
                return nil
            } catch { return error as? GatewayError }
        }
        return GatewayHarness(
            discord: discord, session: session, runner: runner, iterator: EventIterator(session.events))
    }

    /// The next event, or nil after `within` (generous: READY travels through a loaded machine's pool).
    func nextEvent(within timeout: Duration = .seconds(15)) async -> GatewayEvent? {
        let iterator = self.iterator
        return await withTaskGroup(of: GatewayEvent?.self) { group in
            group.addTask { await iterator.base.next() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// Events up to and including the first that satisfies `predicate` (all of them once none comes).
    func events(until predicate: (GatewayEvent) -> Bool) async -> [GatewayEvent] {
        var events: [GatewayEvent] = []
        while let event = await nextEvent() {
            events.append(event)
            if predicate(event) { break }
        }
        return events
    }

    func stop() async {
        await session.stop()
        await discord.stop()
    }

    static func message(id: String, content: String, channel: String = "10", author: String = "42") -> String
    {
        #"{"id":"\#(id)","channel_id":"\#(channel)","guild_id":"5","content":"\#(content)","#
            + #""author":{"id":"\#(author)","username":"user\#(author)"},"member":{"roles":[]},"mentions":[]}"#
    }
}

extension GatewayEvent {
    var isReady: Bool {
        if case .ready = self { return true }
        return false
    }
    var content: String? {
        if case .messageCreate(let message) = self { return message.content }
        return nil
    }
}

extension Optional where Wrapped == GatewayEvent {
    var isReady: Bool { self?.isReady ?? false }
    var content: String? { self?.content }
}

extension GatewayError {
    /// The close code and the operator's message when this is `.fatal`, else nil.
    var fatal: (code: UInt16, message: String)? {
        guard case .fatal(let code, let message) = self else { return nil }
        return (code, message)
    }
}
