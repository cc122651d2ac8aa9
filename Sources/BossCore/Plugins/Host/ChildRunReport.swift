import BossProcess
import Foundation
import PluginABI

/// How one `run_process` call ended, for the plugin (status and exit code) and the user (detail).
struct ChildRunReport: CustomStringConvertible {
    var status: boss_status
    var exitCode: Int32
    /// A sentence for the user when the status is an error the host caused or saw.
    var detail: String?

    static func failed(_ status: boss_status, _ detail: String) -> ChildRunReport {
        ChildRunReport(status: status, exitCode: BOSS_PROCESS_STOPPED, detail: detail)
    }

    init(status: boss_status, exitCode: Int32, detail: String?) {
        self.status = status
        self.exitCode = exitCode
        self.detail = detail
    }

    /// Maps a supervised run (nil: it never got past the tool gate before the job was cancelled).
    /// `oversized` says a file in the work folder reached the file size limit.
    init(outcome: ChildSupervisor.Outcome?, tool: String, oversized: Bool, limitBytes: UInt64) {
        switch outcome {
        case nil, .stopped(ChildWatch.Reason.cancelled.rawValue):
            self.init(status: BOSS_ERR_CANCELLED, exitCode: BOSS_PROCESS_STOPPED, detail: nil)
        case .stopped(ChildWatch.Reason.quota.rawValue):
            self = .failed(
                BOSS_ERR_QUOTA, "The bot's storage filled up while \(tool) was downloading; try again later.")
        case .stopped:
            self.init(status: BOSS_OK, exitCode: BOSS_PROCESS_STOPPED, detail: nil)
        case .notStarted(.notFound):
            self = .failed(BOSS_ERR_DEPENDENCY, "\(tool) is not installed on the bot's host.")
        case .notStarted(.startFailed):
            self = .failed(BOSS_ERR_DEPENDENCY, "\(tool) could not be started on the bot's host.")
        case .ended(let termination):
            if oversized {
                let megabytes = (limitBytes - ChildConfinement.fileSizeHeadroom) / 1_048_576
                self = .failed(
                    BOSS_ERR_TOO_LARGE, "A file is larger than the \(megabytes) MB download limit.")
            } else {
                self.init(status: BOSS_OK, exitCode: termination.code, detail: nil)
            }
        }
    }

    var description: String {
        "status \(status), exit \(exitCode)" + (detail.map { ": \($0)" } ?? "")
    }

    /// Whether a regular file under `folder` reached `limit` bytes (the RLIMIT_FSIZE stop).
    static func hasFile(in folder: String, atLeast limit: UInt64) -> Bool {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return false }
        while let relative = walker.nextObject() as? String {
            var info = stat()
            if lstat(folder + "/" + relative, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                UInt64(info.st_size) >= limit
            {
                return true
            }
        }
        return false
    }
}
