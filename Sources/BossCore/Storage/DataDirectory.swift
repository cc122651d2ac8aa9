import Foundation

/// The data directory's layout: `downloads/<job>/`, `tmp/<pid>/`, `plugin-cache/<pid>/`, `queue.sqlite`,
/// `backups/`. Scratch folders are per process, so a `boss-host fetch` next to a running bot leaves the
/// bot's alone.
public struct DataDirectory: Sendable {
    /// Absolute root.
    public let root: String
    /// The process whose scratch folders these are.
    let owner = getpid()
    /// The budget the job folders count against: bytes of every job folder this layout deletes go
    /// back to it, whether or not the caller passes a quota.
    public let quota: StorageQuota?
    /// Finished and running jobs' files, one folder per job.
    public var downloads: String { root + "/downloads" }
    /// This process's scratch space; emptied at start, like those of processes that are gone.
    public var tmp: String { root + "/tmp/\(owner)" }
    /// This process's private copies of loaded plugins (a loaded file must never change under it).
    public var pluginCache: String { root + "/plugin-cache/\(owner)" }
    /// The queue database.
    public var queueDatabase: String { root + "/queue.sqlite" }
    /// Scheduled backups of the queue database.
    public var backups: String { root + "/backups" }

    /// A layout under `root` (made absolute against the working directory), its deletions counted
    /// against `quota` when given.
    public init(root: String, quota: StorageQuota? = nil) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
        self.quota = quota
    }

    /// Creates the folders and removes the scratch of this process and of processes that are gone;
    /// returns how many orphaned temporary entries it removed.
    public func prepare() throws(SinkError) -> Int {
        var removed = 0
        for base in [root + "/tmp", root + "/plugin-cache"] {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [] {
                if let pid = Int32(entry), pid != owner, Self.isRunning(pid) { continue }
                let path = base + "/" + entry
                if base.hasSuffix("/tmp") {
                    removed += (try? FileManager.default.contentsOfDirectory(atPath: path).count) ?? 1
                }
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        for folder in [downloads, tmp, pluginCache] {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .io(operation: "mkdir", path: folder, errno: EACCES)
            }
        }
        return removed
    }

    /// Whether process `pid` exists (EPERM: it does, owned by someone else).
    static func isRunning(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno == EPERM }

    /// The folder of job `id`.
    public func jobDirectory(_ id: JobID) -> String { downloads + "/\(id)" }

    /// A plugin's scratch folder for job `id`, under `tmp/`.
    public func workDirectory(_ id: JobID) -> String { tmp + "/job-\(id)" }

    /// An empty folder for job `id`: what an earlier, interrupted attempt left is removed first.
    public func createJobDirectory(_ id: JobID, quota: StorageQuota? = nil) throws(SinkError) -> String {
        let path = jobDirectory(id)
        removeJobDirectory(id, quota: quota)
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .io(operation: "mkdir", path: path, errno: EACCES)
        }
        return path
    }

    /// Deletes job `id`'s folder and gives its bytes back to `quota` (this layout's own when nil).
    public func removeJobDirectory(_ id: JobID, quota: StorageQuota?) {
        let path = jobDirectory(id)
        guard FileManager.default.fileExists(atPath: path) else { return }
        let bytes = StorageQuota.measure(directory: path)
        if (try? FileManager.default.removeItem(atPath: path)) != nil {
            (quota ?? self.quota)?.release(bytes)
        }
    }

    /// Deletes job folders not modified for `age` (files `fetch` left in place); returns their jobs.
    public func removeExpiredJobDirectories(olderThan age: Duration, now: Date = Date(), quota: StorageQuota?)
        -> [JobID]
    {
        let cutoff = now.addingTimeInterval(-Double(age.components.seconds))
        var removed: [JobID] = []
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: downloads)) ?? [] {
            guard let raw = Int64(entry),
                let modified = try? FileManager.default.attributesOfItem(atPath: downloads + "/" + entry)[
                    .modificationDate] as? Date,
                modified < cutoff
            else { continue }
            removeJobDirectory(JobID(rawValue: raw), quota: quota)
            removed.append(JobID(rawValue: raw))
        }
        return removed.sorted()
    }
}
