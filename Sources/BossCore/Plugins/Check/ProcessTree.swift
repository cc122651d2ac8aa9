import Foundation

/// The processes below a check's child, read from /proc: a plugin that hangs may have started helpers
/// (gallery-dl, ffmpeg) in process groups of their own, which killing the child alone would orphan.
enum ProcessTree {
    /// Children, their children and so on, of `root`.
    static func descendants(of root: pid_t) -> [pid_t] {
        var children: [pid_t: [pid_t]] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let nameEnd = stat.lastIndex(of: ")")
            else { continue }
            // After "pid (name)": state, then the parent's pid.
            let fields = stat[stat.index(after: nameEnd)...].split(separator: " ")
            guard fields.count > 1, let parent = pid_t(fields[1]) else { continue }
            children[parent, default: []].append(pid)
        }
        var found: [pid_t] = []
        var frontier = [root]
        while let next = frontier.popLast() {
            let below = children[next] ?? []
            found += below
            frontier += below
        }
        return found
    }

    /// Freezes `root` (so it starts nothing new), kills everything below it, then `root` itself.
    static func kill(_ root: pid_t) {
        _ = Foundation.kill(root, SIGSTOP)
        for pid in descendants(of: root) { _ = Foundation.kill(pid, SIGKILL) }
        _ = Foundation.kill(root, SIGKILL)
    }
}
