import Foundation
import Logging

/// Where the host's log goes: a stream (stderr) and, when configured, a size-rotated file; both get
/// the same lines in one format.
public final class LogOutput: Sendable {
    let format: LogFormat
    let colour: Bool
    let stream: Int32?
    let file: RotatingLogFile?

    /// Writes to the file descriptor `stream` (nil: none) and `file` (nil: none). `colour` applies to
    /// the stream only; the file never gets escape codes.
    public init(format: LogFormat, colour: Bool, stream: Int32?, file: RotatingLogFile?) {
        self.format = format
        self.colour = colour
        self.stream = stream
        self.file = file
    }

    /// stderr, coloured only when it is a terminal and the format is text.
    public static func standardError(format: LogFormat, file: RotatingLogFile?) -> LogOutput {
        LogOutput(format: format, colour: isatty(STDERR_FILENO) == 1, stream: STDERR_FILENO, file: file)
    }

    /// Renders and writes one record.
    public func write(_ record: LogRecord) {
        if let stream {
            let line = record.render(format, colour: colour && format == .text) + "\n"
            line.utf8CString.withUnsafeBufferPointer {
                _ = Foundation.write(stream, $0.baseAddress, $0.count - 1)
            }
        }
        file?.write(record.render(format))
    }
}
