import Foundation

/// The `NULL`-terminated "Name: value" list of the ABI, parsed; nil when a line could inject headers.
struct HeaderLines {
    var fields: [(name: String, value: String)] = []

    init?(_ lines: UnsafePointer<UnsafePointer<CChar>?>?) {
        var cursor = lines
        while let line = cursor?.pointee {
            let text = String(cString: line)
            guard !text.contains("\r"), !text.contains("\n"), let colon = text.firstIndex(of: ":") else {
                return nil
            }
            let name = text[..<colon].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return nil }
            fields.append((name, text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            cursor = cursor?.advanced(by: 1)
        }
    }
}
