import ArgumentParser
import BossCore
import Foundation

/// `boss-host run --restore FILE`: checks the backup and puts it in place of the queue database before
/// anything opens the queue.
enum RestoreStep {
    static func perform(_ file: String?) throws {
        guard let file else { return }
        let settings = try HostBootstrap.settings()
        let database = DataDirectory(root: settings.dataDirectory).queueDatabase
        do {
            try QueueRestore.restore(file, to: database)
        } catch {
            printError("boss-host: \(error)")
            if case .refused = error { throw ExitCode.usageOrConfiguration }
            throw ExitCode.failure
        }
        printError("boss-host: restored the queue database \(database) from \(file)")
    }
}
