import Testing

/// A broken API answer, named in test output by what is wrong with it rather than by its bytes.
struct MalformedBody: Sendable, CustomTestStringConvertible {
    let label: String
    let bytes: [UInt8]

    var testDescription: String { label }

    init(_ label: String, _ text: String) {
        self.label = label
        bytes = Array(text.utf8)
    }

    init(_ label: String, bytes: [UInt8]) {
        self.label = label
        self.bytes = bytes
    }

    /// 4 KiB of deterministic noise.
    static let noise = MalformedBody(
        "random bytes", bytes: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })
    /// No body at all.
    static let empty = MalformedBody("empty body", bytes: [])
}
