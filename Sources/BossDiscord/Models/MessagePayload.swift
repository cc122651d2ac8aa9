/// A message body as Discord's create and edit endpoints take it (`POST /channels/{id}/messages`,
/// webhook follow-ups and edits). Mentions are never parsed: text from other sites must not ping anyone.
public struct MessagePayload: Encodable, Sendable {
    /// The message this one replies to.
    public struct Reference: Encodable, Sendable {
        /// The message replied to.
        public var messageId: Snowflake
        /// False: post anyway when that message was deleted meanwhile.
        public var failIfNotExists = false

        /// A reference to `messageId`.
        public init(messageId: Snowflake) { self.messageId = messageId }
    }

    /// Who may be pinged: nobody, not even the author replied to.
    public struct AllowedMentions: Encodable, Sendable {
        /// Mention kinds parsed from the text (none).
        public var parse: [String] = []
        /// Whether a reply pings its author.
        public var repliedUser = false
    }

    /// An attachment of the request: `id` is the index of its `files[n]` part, as a string (Discord's
    /// spec types snowflakes, and these placeholders, as strings).
    public struct AttachmentRef: Encodable, Sendable, Equatable {
        /// The `files[n]` index.
        public var id: String
        /// The name users see.
        public var filename: String

        /// Creates a reference to part `id`.
        public init(id: String, filename: String) {
            self.id = id
            self.filename = filename
        }
    }

    /// The text (at most `MessageContent.maxCodePoints`).
    public var content: String?
    /// Deduplicates retries of one post.
    public var nonce: String?
    /// Refuse a second message with the same nonce.
    public var enforceNonce: Bool?
    /// The message replied to.
    public var messageReference: Reference?
    /// Always none.
    public var allowedMentions = AllowedMentions()
    /// The attachments; nil keeps an edited message's own (an empty list would delete them).
    public var attachments: [AttachmentRef]?

    /// A payload with `content`.
    public init(content: String?, nonce: String? = nil, enforceNonce: Bool? = nil) {
        self.content = content
        self.nonce = nonce
        self.enforceNonce = enforceNonce
    }
}
