import Foundation
import TestSupport

// `make bench`'s scale-out rows, on a throwaway PostgreSQL cluster started here:
// 1. queue operations per second (enqueue, claim, finish) of the PostgreSQL store against the
//    embedded SQLite store, measured by boss-bench-queue-ops (release) on a database of this cluster;
// 2. jobs per second through 1, 2 and 3 `boss-host worker` processes behind one gateway process,
//    small files from a local media server that takes 300 ms per file (reference: 1 worker).
// Usage: boss-bench-queue BOSS_HOST_BINARY PLUGINS_DIR QUEUE_OPS_BINARY
let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(
        Data("usage: boss-bench-queue BOSS_HOST PLUGINS_DIR QUEUE_OPS_BINARY\n".utf8))
    exit(2)
}
let cluster = try PostgresCluster.start()
defer { cluster.stop() }
let folder = try TemporaryFolder(prefix: "boss-bench-queue")
defer { folder.remove() }

let postgresURL = try cluster.createDatabase("ops") + "?sslmode=disable"
let operations = try await ChildProcess.run(
    arguments[3], [folder.file("queue.sqlite"), postgresURL], environment: [:], directory: folder.path)
guard operations.status == 0 else {
    FileHandle.standardError.write(Data("bench: boss-bench-queue-ops failed:\n\(operations.stderr)\n".utf8))
    exit(1)
}
print(operations.stdout.split(separator: "\n").first { $0.hasPrefix("queue-ops") } ?? "queue-ops 0 0")

let png = MediaSamples.file(MediaSamples.png, filler: 20_000, modulo: 251)
let media = try await TestHTTPServer.start([
    "/small.png": .slow(bytes: png, chunkSize: png.count / 2 + 1, delay: .milliseconds(300))
])
defer { Task { await media.stop() } }
var rates: [Double] = []
for workers in 1...3 {
    rates.append(
        try await ScaleRun(binary: arguments[1], plugins: arguments[2], folder: folder, cluster: cluster)
            .jobsPerSecond(workers: workers, jobs: 36, link: media.url("/small.png")))
}
print(String(format: "jobs-per-second %.2f %.2f %.2f", rates[0], rates[1], rates[2]))
