import Foundation

/// Response header fields, in order, looked up without regard to case.
public struct HTTPHeaders: Sendable, Equatable {
    /// The fields as received.
    public var fields: [(name: String, value: String)] = []

    /// Empty headers.
    public init() {}

    /// The first value of `name`.
    public subscript(name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Compares fields in order.
    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }
}
