import BossDiscord

/// Splits a job's files into messages Discord accepts: at most 10 attachments and 25 MiB per message,
/// no file over the channel's upload limit (those are returned apart, never silently dropped).
public struct UploadPlanner: Sendable {
    /// Attachments per message.
    public static let maxFilesPerMessage = 10
    /// Bytes per request, less headroom for the JSON part and the multipart framing.
    public static let maxBytesPerMessage: Int64 = 25 * 1_048_576 - 64 * 1024

    /// The largest single file.
    public var uploadLimit: Int64

    /// A planner for a channel's limit.
    public init(uploadLimit: Int64) { self.uploadLimit = uploadLimit }

    /// Batches in order, and the files over the limit.
    public func plan(_ files: [UploadFile]) -> (batches: [[UploadFile]], oversize: [UploadFile]) {
        var batches: [[UploadFile]] = []
        var current: [UploadFile] = []
        var currentBytes: Int64 = 0
        var oversize: [UploadFile] = []
        for file in files {
            guard file.size <= min(uploadLimit, Self.maxBytesPerMessage) else {
                oversize.append(file)
                continue
            }
            if current.count == Self.maxFilesPerMessage || currentBytes + file.size > Self.maxBytesPerMessage
            {
                batches.append(current)
                current = []
                currentBytes = 0
            }
            current.append(file)
            currentBytes += file.size
        }
        if !current.isEmpty { batches.append(current) }
        return (batches, oversize)
    }
}
