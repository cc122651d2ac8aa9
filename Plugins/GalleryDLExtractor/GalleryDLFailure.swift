import PluginABI
import PluginKit

/// Why a gallery-dl run gave no file, as a boss status and a sentence for the user.
enum GalleryDLFailure {
    /// gallery-dl's exit code is an OR of these bits (see gallery_dl/exception.py).
    enum ExitBit {
        static let extraction: Int32 = 4
        static let challenge: Int32 = 8
        static let authorization: Int32 = 16
        static let input: Int32 = 32
        static let unsupportedURL: Int32 = 64
        static let operatingSystem: Int32 = 128
    }

    /// Maps an exit code and stderr to a failure. The most specific bit wins: an unsupported URL
    /// explains everything else, a login wall explains the HTTP errors it causes. An exit code of 0
    /// with no file means the link simply has no media.
    static func classify(exitCode: Int32, stderr: String) -> ToolFailure {
        let has = { (bit: Int32) in exitCode & bit != 0 }
        if exitCode == 0 {
            return ToolFailure(BOSS_ERR_NO_MEDIA, "gallery-dl found no media at this link")
        }
        if has(ExitBit.unsupportedURL) {
            return ToolFailure(BOSS_ERR_UNSUPPORTED_URL, "this site is not supported")
        }
        if has(ExitBit.authorization) {
            return ToolFailure(BOSS_ERR_PRIVATE, "this post needs a login: it is private or restricted")
        }
        if has(ExitBit.challenge) {
            return ToolFailure(
                BOSS_ERR_UPSTREAM, "the site asked for a browser check the bot cannot pass")
        }
        if has(ExitBit.extraction) { return httpFailure(stderr) }
        if has(ExitBit.input) {
            return ToolFailure(BOSS_ERR_UNSUPPORTED_URL, "gallery-dl could not make sense of this link")
        }
        if has(ExitBit.operatingSystem) {
            return ToolFailure(BOSS_ERR_INTERNAL, "gallery-dl hit an operating system error")
        }
        return ToolFailure(BOSS_ERR_UPSTREAM, "gallery-dl failed on this link (exit code \(exitCode))")
    }

    /// Extraction and HTTP errors: stderr tells which (gallery-dl prints e.g. "'404 Not Found' for ...").
    static func httpFailure(_ stderr: String) -> ToolFailure {
        let text = stderr.lowercased()
        let says = { (needles: [String]) in needles.contains { text.contains($0) } }
        if says(["'404 ", "'410 ", "could not be found", "not found"]) {
            return ToolFailure(BOSS_ERR_NOT_FOUND, "the site says this post or file does not exist")
        }
        if says(["'429 ", "rate limit"]) {
            return ToolFailure(BOSS_ERR_RATE_LIMITED, "the site is rate limiting downloads")
        }
        if says(["'401 ", "'403 "]) {
            return ToolFailure(BOSS_ERR_PRIVATE, "the site refused access to this post")
        }
        if says([
            "connectionerror", "timed out", "timeout", "name or service not known", "connection refused",
        ]) {
            return ToolFailure(BOSS_ERR_NETWORK, "the site could not be reached")
        }
        return ToolFailure(BOSS_ERR_HTTP, "the site answered gallery-dl with an error")
    }
}
