import Foundation

/// The complete lines appended to a file since the last read: a child's output, read while it runs.
final class GrowingFileReader {
    private let path: String
    private var offset: UInt64 = 0
    private var partial = Data()

    init(path: String) { self.path = path }

    /// The lines completed since the last call (a line still being written waits for its newline).
    func newLines() -> [Substring] {
        // Not there yet: the child has not started writing.
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        let data: Data
        do {
            try handle.seek(toOffset: offset)
            data = try handle.readToEnd() ?? Data()
        } catch {
            // A read that failed is tried again at the next tick, from the same offset.
            return []
        }
        offset += UInt64(data.count)
        partial.append(data)
        guard let newline = partial.lastIndex(of: 0x0A) else { return [] }
        let complete = partial[..<newline]
        partial = Data(partial[partial.index(after: newline)...])
        return String(decoding: complete, as: UTF8.self).split(separator: "\n")
    }
}
