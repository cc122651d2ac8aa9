import BossBot
import BossCore
import Foundation
import TestSupport
import Testing

@Suite("Re-encoding to fit: ffmpeg and ffprobe run confined, cancellable, within the quota")
struct VideoShrinkerTests {
    /// A stand-in tool: a shell script with `body`.
    func tool(_ folder: TemporaryFolder, _ name: String, _ body: String) throws -> String {
        let path = folder.file(name)
        try ("#!/bin/sh\n" + body).write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test("a cancelled re-encode stops ffmpeg and everything it started, and gives the quota back")
    func cancelLeavesNothing() async throws {
        try await withTemporaryFolder { folder in
            try await withTemporaryFolder { job in
                let pidFile = folder.file("ffmpeg.pid")
                var shrinker = VideoShrinker()
                shrinker.ffprobe = try tool(folder, "ffprobe", "echo 60.0\n")
                shrinker.ffmpeg = try tool(
                    folder, "ffmpeg", "echo $$ > '\(pidFile)'\nsleep 60 &\nsleep 60 &\nwait\n")
                let video = job.file("clip.mp4")
                _ = FileManager.default.createFile(atPath: video, contents: Data(count: 1000))
                let quota = StorageQuota(limitBytes: 100 << 20, usedBytes: 0)
                let cancelled = Flag()
                let run = Task.detached { [shrinker] in
                    shrinker.shrink(video, toFit: 5 << 20, quota: quota) { cancelled.isSet }
                }
                let pid = try await ProcessGroup.pid(recordedIn: pidFile)
                #expect(await eventually { ProcessGroup.livingMembers(of: pid).count == 3 })
                cancelled.set()
                #expect(await run.value == nil)
                #expect(ProcessGroup.livingMembers(of: pid).isEmpty)
                #expect(quota.usage.usedBytes == 0)
            }
        }
    }

    @Test("the copy is reserved in the quota, never overwrites a file, and is refused when the quota is full")
    func quotaAndNames() async throws {
        try withTemporaryFolder { folder in
            try withTemporaryFolder { job in
                var shrinker = VideoShrinker()
                shrinker.ffprobe = try tool(folder, "ffprobe", "echo 60.0\n")
                // Writes 3000 bytes to its last argument, refusing to overwrite as ffmpeg -n does.
                shrinker.ffmpeg = try tool(
                    folder, "ffmpeg",
                    "for out; do :; done\n[ -e \"$out\" ] && exit 1\nhead -c 3000 /dev/zero > \"$out\"\n")
                let video = job.file("clip.mp4")
                _ = FileManager.default.createFile(atPath: video, contents: Data(count: 1000))
                _ = FileManager.default.createFile(
                    atPath: job.file("clip-fit.mp4"), contents: Data([1, 2, 3]))
                let quota = StorageQuota(limitBytes: 100 << 20, usedBytes: 0)
                let output = try #require(shrinker.shrink(video, toFit: 5 << 20, quota: quota) { false })
                #expect(output == job.file("clip-fit-2.mp4"))
                #expect(
                    try Data(contentsOf: URL(fileURLWithPath: job.file("clip-fit.mp4"))) == Data([1, 2, 3]))
                #expect(quota.usage.usedBytes == 3000)
                let full = StorageQuota(limitBytes: 1 << 20, usedBytes: 0)
                #expect(shrinker.shrink(video, toFit: 5 << 20, quota: full) { false } == nil)
                #expect(full.usage.usedBytes == 0)
            }
        }
    }
}
