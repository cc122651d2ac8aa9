import Foundation

/// The process's own figures, read from `/proc/self` (Linux).
public struct ProcessStats: Sendable, Equatable {
    /// User plus system CPU time, in seconds.
    public var cpuSeconds: Double
    /// Resident memory, in bytes.
    public var residentBytes: Int64
    /// File descriptors open.
    public var openFileDescriptors: Int

    /// Reads the figures now; nil where `/proc` cannot be read.
    public static func current() -> ProcessStats? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
            let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let fds = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")
        else { return nil }
        // Fields after the command name, which is in parentheses and may contain spaces.
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // utime and stime are fields 14 and 15 of stat(5); `fields` starts at field 3.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else {
            return nil
        }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let pages = Int64(statm.split(separator: " ").dropFirst().first ?? "") ?? 0
        return ProcessStats(
            cpuSeconds: (user + system) / max(ticks, 1),
            residentBytes: pages * Int64(sysconf(Int32(_SC_PAGESIZE))),
            openFileDescriptors: max(0, fds.count - 1))
    }
}
