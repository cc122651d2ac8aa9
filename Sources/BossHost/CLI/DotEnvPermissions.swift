import Foundation
import Logging

/// The token sits in `.env`: a file other users can read leaks it.
enum DotEnvPermissions {
    static func warnIfShared(path: String, logger: Logger) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 != 0 else { return }
        logger.warning(
            "\(path) is readable by other users (mode \(String(mode, radix: 8))) and holds the bot token; run: chmod 600 \(path)"
        )
    }
}
