import Foundation

extension GatewaySession {
    /// Turns the dispatch events the bot uses into `GatewayEvent`s; READY and RESUMED also update
    /// the session.
    func dispatch(name: String, data: Data) throws {
        switch name {
        case "READY":
            let ready = try decoder.decode(GatewayData<ReadyEvent>.self, from: data).d
            session = (ready.sessionId, ready.resumeGatewayURL)
            identity = (ready.user.id, ready.application.id)
            established = true
            logger.info("gateway: ready as \(ready.user.username) (shard \(configuration.shard.id))")
            eventSink.yield(.ready(ready))
        case "RESUMED":
            established = true
            logger.info("gateway: session resumed")
            eventSink.yield(.resumed)
        case "MESSAGE_CREATE":
            eventSink.yield(.messageCreate(try decoder.decode(GatewayData<Message>.self, from: data).d))
        case "INTERACTION_CREATE":
            eventSink.yield(
                .interactionCreate(try decoder.decode(GatewayData<Interaction>.self, from: data).d))
        default:
            break
        }
    }
}
