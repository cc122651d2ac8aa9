import Foundation
import Synchronization

/// A log file rotated by size: when a line would take it past `maxBytes`, `FILE` becomes `FILE.1`
/// (`FILE.1` becomes `FILE.2`, and so on) and a new `FILE` starts; only `keep` old files are kept.
public final class RotatingLogFile: Sendable {
    /// Why the file could not be opened.
    public struct OpenError: Error, CustomStringConvertible {
        /// The text for the operator.
        public var description: String
    }

    private struct State {
        var descriptor: Int32
        var size: Int
    }

    let path: String
    let maxBytes: Int
    let keep: Int
    private let state: Mutex<State>

    /// Opens (appends to) `path`; `keep` ≥ 0 old files are kept.
    public init(path: String, maxBytes: Int, keep: Int) throws(OpenError) {
        self.path = path
        self.maxBytes = max(1, maxBytes)
        self.keep = max(0, keep)
        let descriptor = try Self.open(path)
        let size = Int(lseek(descriptor, 0, SEEK_END))
        state = Mutex(State(descriptor: descriptor, size: max(0, size)))
    }

    deinit { state.withLock { _ = close($0.descriptor) } }

    /// Appends `line` and a newline, rotating first when the file would grow past `maxBytes`.
    public func write(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        state.withLock { state in
            if state.size > 0 && state.size + bytes.count > maxBytes {
                close(state.descriptor)
                rotate()
                guard let fresh = try? Self.open(path) else { return }
                state = State(descriptor: fresh, size: 0)
            }
            let written = bytes.withUnsafeBytes {
                Foundation.write(state.descriptor, $0.baseAddress, $0.count)
            }
            state.size += max(0, written)
        }
    }

    private func rotate() {
        let manager = FileManager.default
        guard keep > 0 else {
            try? manager.removeItem(atPath: path)
            return
        }
        try? manager.removeItem(atPath: "\(path).\(keep)")
        for index in stride(from: keep - 1, through: 1, by: -1) {
            try? manager.moveItem(atPath: "\(path).\(index)", toPath: "\(path).\(index + 1)")
        }
        try? manager.moveItem(atPath: path, toPath: "\(path).1")
    }

    private static func open(_ path: String) throws(OpenError) -> Int32 {
        let descriptor = Foundation.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else {
            throw OpenError(description: "cannot open log file \(path): \(String(cString: strerror(errno)))")
        }
        return descriptor
    }
}
