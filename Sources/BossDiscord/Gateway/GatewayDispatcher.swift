import Foundation
import Logging

/// Turns the dispatch events the bot uses into `GatewayEvent`s and hands them, in order, to the
/// session's event stream.
struct GatewayDispatcher {
    private let decoder = DiscordJSON.decoder()
    private let sink: AsyncStream<GatewayEvent>.Continuation
    private let logger: Logger
    private let shardID: Int

    init(sink: AsyncStream<GatewayEvent>.Continuation, shardID: Int, logger: Logger) {
        self.sink = sink
        self.shardID = shardID
        self.logger = logger
    }

    /// Hands a dispatch's event to the bot, once: a RESUME replays what was missed, and `handshake` tells
    /// repeats by sequence number (READY also updates it). True when the event established the session
    /// (READY or RESUMED).
    func dispatch(sequence: Int?, name: String?, data: Data, handshake: inout GatewayHandshake) -> Bool {
        guard let sequence, handshake.accept(sequence: sequence), let event = event(named: name, data: data)
        else { return false }
        if case .ready(let ready) = event { handshake.ready(ready) }
        sink.yield(event)
        switch event {
        case .ready, .resumed: return true
        case .messageCreate, .interactionCreate: return false
        }
    }

    /// The event a dispatch named `name` carries; nil for one the bot does not use, or one that does
    /// not decode (skipped: the session and the other events go on).
    private func event(named name: String?, data: Data) -> GatewayEvent? {
        do {
            return try decode(name ?? "", data)
        } catch {
            logger.warning("gateway: skipped an undecodable \(name ?? "?") event: \(error)")
            return nil
        }
    }

    private func decode(_ name: String, _ data: Data) throws -> GatewayEvent? {
        switch name {
        case "READY":
            let ready = try decoder.decode(GatewayData<ReadyEvent>.self, from: data).d
            logger.info("gateway: ready as \(ready.user.username) (shard \(shardID))")
            return .ready(ready)
        case "RESUMED":
            logger.info("gateway: session resumed")
            return .resumed
        case "MESSAGE_CREATE":
            return .messageCreate(try decoder.decode(GatewayData<Message>.self, from: data).d)
        case "INTERACTION_CREATE":
            return .interactionCreate(try decoder.decode(GatewayData<Interaction>.self, from: data).d)
        default: return nil
        }
    }
}
