import BossDiscord

/// Answers one invocation: the first reply (a reply to the command message, or the interaction's
/// original response), then any further messages next to it.
struct Responder: Sendable {
    let replies: ReplyClient
    let invocation: Invocation

    /// The first answer; returns the message to edit later.
    func first(_ text: String) async throws(DiscordRESTError) -> ReplyTarget {
        switch invocation.origin {
        case .message(let id):
            let near = ReplyTarget.message(channel: invocation.channel, message: id)
            return try await replies.post(near: near, replyTo: id, text, nonce: "r\(id)")
        case .interaction(let application, let token):
            let target = ReplyTarget.interaction(application: application, token: token, followup: nil)
            try await replies.edit(target, text)
            return target
        }
    }

    /// A further answer (`index` ≥ 1 keeps its nonce unique).
    func another(_ text: String, index: Int) async throws(DiscordRESTError) -> ReplyTarget {
        switch invocation.origin {
        case .message(let id):
            let near = ReplyTarget.message(channel: invocation.channel, message: id)
            return try await replies.post(near: near, replyTo: id, text, nonce: "r\(id)n\(index)")
        case .interaction(let application, let token):
            let near = ReplyTarget.interaction(application: application, token: token, followup: nil)
            return try await replies.post(
                near: near, replyTo: nil, text, nonce: "i\(index)\(token.suffix(20))")
        }
    }
}
