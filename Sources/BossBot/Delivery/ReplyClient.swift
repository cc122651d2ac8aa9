import BossDiscord
import Foundation

/// Posts and edits the bot's replies, for channel messages and interactions alike.
public struct ReplyClient: Sendable {
    let rest: DiscordREST

    /// A client over `rest`.
    public init(rest: DiscordREST) { self.rest = rest }

    /// Replaces the target's text, and its attachments when `files` is not empty.
    public func edit(_ target: ReplyTarget, _ text: String, files: [UploadFile] = [])
        async throws(DiscordRESTError)
    {
        var payload = MessagePayload(content: MessageContent.clip(text))
        payload.attachments = Self.attachments(files)
        let route: DiscordRoute
        switch target {
        case .message(let channel, let message): route = .editMessage(channel: channel, message: message)
        case .interaction(let application, let token, nil):
            route = .editOriginal(application: application, token: token)
        case .interaction(let application, let token, let followup?):
            route = .editFollowup(application: application, token: token, message: followup)
        }
        try await rest.call(route, Self.body(payload, files))
    }

    /// A further message next to the target (a reply in the channel, or an interaction follow-up).
    public func post(
        near target: ReplyTarget, replyTo: Snowflake?, _ text: String, files: [UploadFile] = [], nonce: String
    )
        async throws(DiscordRESTError) -> ReplyTarget
    {
        var payload = MessagePayload(content: MessageContent.clip(text), nonce: nonce, enforceNonce: true)
        payload.attachments = Self.attachments(files)
        switch target {
        case .message(let channel, _):
            payload.messageReference = replyTo.map { .init(messageId: $0) }
            let posted = try await rest.call(
                .createMessage(channel: channel), Self.body(payload, files), as: PostedMessage.self)
            return .message(channel: channel, message: posted.id)
        case .interaction(let application, let token, _):
            let posted = try await rest.call(
                .followup(application: application, token: token), Self.body(payload, files),
                as: PostedMessage.self)
            return .interaction(application: application, token: token, followup: posted.id)
        }
    }

    /// The `attachments` field: nil without files, since an empty list would delete the message's
    /// attachments on an edit.
    static func attachments(_ files: [UploadFile]) -> [MessagePayload.AttachmentRef]? {
        files.isEmpty ? nil : files.enumerated().map { .init(id: String($0), filename: $1.name) }
    }

    static func body(_ payload: MessagePayload, _ files: [UploadFile]) -> DiscordBody {
        let json = DiscordREST.encode(payload)
        return files.isEmpty ? .json(json) : .multipart(payloadJSON: json, files: files)
    }
}
