import Foundation

/// A file the sink refused or could not write. The partial file is gone from disk when this is thrown.
public enum SinkError: CategorizedError, CustomStringConvertible, Equatable {
    /// The file is over the per-file limit (declared or while streaming).
    case tooLarge(name: String, limitBytes: Int64)
    /// The leading bytes are not an allowed media type (`leadingBytes` in hex, for the log).
    case badType(name: String, leadingBytes: String)
    /// The data directory's quota would be exceeded.
    case quotaExceeded(StorageUsage)
    /// A file system call failed.
    case io(operation: String, path: String, errno: Int32)
    /// The handle was already ended, aborted or failed.
    case finished
    /// The file ended without a single byte.
    case empty(name: String)
    /// A file handed over whole (`file_adopt`) that the sink may not take: a link, a file with a second
    /// name, not a regular file, or outside the job's work folder.
    case notAdoptable(path: String, reason: String)

    /// Content that is no allowed media type, with its first bytes in hex for the log.
    static func badType(name: String, head: some Collection<UInt8>) -> SinkError {
        let digits = Array("0123456789abcdef")
        let hex = head.prefix(16).map { String([digits[Int($0 >> 4)], digits[Int($0 & 15)]]) }
        return .badType(name: name, leadingBytes: hex.joined(separator: " "))
    }

    /// Limits for what the rules refuse, internal for the rest.
    public var category: ErrorCategory {
        switch self {
        case .tooLarge, .badType, .quotaExceeded, .empty: .limit
        case .io, .finished, .notAdoptable: .internal
        }
    }

    /// What the user can understand and do.
    public var userMessage: String {
        switch self {
        case .tooLarge(_, let limit):
            "The file is larger than the \(limit / 1_048_576) MB download limit."
        case .badType, .empty:
            "The file is not a supported image, video or audio type."
        case .quotaExceeded:
            "The bot's storage is full right now; try again in a few minutes."
        case .io, .finished, .notAdoptable:
            "The bot could not save the file."
        }
    }

    /// Full detail for the operator.
    public var description: String {
        switch self {
        case .tooLarge(let name, let limit): "\(name): over the limit of \(limit) bytes"
        case .badType(let name, let bytes): "\(name): not an allowed media type (starts with \(bytes))"
        case .quotaExceeded(let usage): "storage quota exceeded: \(usage)"
        case .io(let operation, let path, let code):
            "\(operation) \(path): \(String(cString: strerror(code)))"
        case .finished: "file handle already finished"
        case .empty(let name): "\(name): empty file"
        case .notAdoptable(let path, let reason): "\(path): refused: \(reason)"
        }
    }
}
