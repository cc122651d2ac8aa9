import Foundation

/// What /proc says about a process group: for tests that check nothing of a child is left behind.
public enum ProcessGroup {
    /// Pids of the group's members that are still alive (zombies, which have ended and only wait to
    /// be reaped by whoever adopted them, are not counted).
    public static func livingMembers(of group: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let nameEnd = stat.lastIndex(of: ")")
            else { return nil }
            // After "pid (name)": state, parent pid, process group.
            let fields = stat[stat.index(after: nameEnd)...].split(separator: " ")
            guard fields.count > 2, fields[0] != "Z", pid_t(fields[2]) == group else { return nil }
            return pid
        }
    }

    /// The pid a stand-in tool wrote into `file` (`echo $$ > FILE`: its group's leader), once it has.
    public static func pid(recordedIn file: String) async throws -> pid_t {
        _ = await eventually { FileManager.default.fileExists(atPath: file) }
        let text = try String(contentsOfFile: file, encoding: .utf8)
        guard let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw POSIXError(.ESRCH)
        }
        return pid
    }
}
