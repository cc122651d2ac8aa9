/// A request body.
public enum DiscordBody: Sendable {
    /// No body.
    case none
    /// A JSON document.
    case json([UInt8])
    /// `payload_json` plus files streamed from disk as `files[n]` (Discord's attachment upload).
    case multipart(payloadJSON: [UInt8], files: [UploadFile])
}
