import PluginABI

extension ExtractionError {
    /// What the user can do about it, as one sentence; nil when there is nothing useful to say.
    public var advice: String? {
        switch self {
        case .unsupportedURL, .noFiles:
            "Send a link to a post on a supported site or straight to a media file (see the `plugins` command)."
        case .redirectLoop: "Open the link in a browser and send the address it ends at."
        case .cancelled: nil
        case .timedOut: "Try a shorter video, or try again when the site is faster."
        case .storage: "Try again in a few minutes."
        case .pluginFailed(_, let status, _, _): Self.advice(for: status)
        }
    }

    static func advice(for status: boss_status) -> String? {
        switch status {
        case BOSS_ERR_NOT_FOUND: "Check that the link is right and the post still exists."
        case BOSS_ERR_PRIVATE: "Only public posts can be downloaded."
        case BOSS_ERR_TOO_LARGE: "Try a shorter or lower-quality version of the media."
        case BOSS_ERR_BAD_TYPE: "Only images, videos and audio are sent."
        case BOSS_ERR_QUOTA, BOSS_ERR_RATE_LIMITED, BOSS_ERR_NETWORK, BOSS_ERR_HTTP, BOSS_ERR_UPSTREAM:
            "Try again in a few minutes."
        case BOSS_ERR_DEPENDENCY: "Ask the bot's operator to install it (`make deps`)."
        case BOSS_ERR_BLOCKED_ADDRESS: "Send a public link."
        case BOSS_ERR_UNSUPPORTED_URL:
            "Send a link to a post on a supported site or straight to a media file (see the `plugins` command)."
        default: nil
        }
    }
}
