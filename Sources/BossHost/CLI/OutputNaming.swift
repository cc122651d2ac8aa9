import BossCore
import Foundation
import Logging
import Synchronization

/// Picks a free name in the output directory: `clip.mp4`, `clip-2.mp4`, ...
enum OutputNaming {
    static func move(_ source: String, into directory: String, preferredName: String) throws -> String {
        let stem = (preferredName as NSString).deletingPathExtension
        let ext = (preferredName as NSString).pathExtension
        for attempt in 1...10_000 {
            let name = attempt == 1 ? preferredName : "\(stem)-\(attempt).\(ext)"
            let target = (directory as NSString).appendingPathComponent(name)
            // link(2) fails with EEXIST instead of replacing, so an existing file is never overwritten.
            if link(source, target) == 0 {
                unlink(source)
                return target
            }
            if errno == EEXIST { continue }
            if errno == EXDEV {
                guard !FileManager.default.fileExists(atPath: target) else { continue }
                try FileManager.default.copyItem(atPath: source, toPath: target)
                unlink(source)
                return target
            }
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        throw POSIXError(.EEXIST)
    }
}
