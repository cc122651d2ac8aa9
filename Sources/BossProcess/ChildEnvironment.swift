/// The minimal environment of a confined child: a search path, a UTF-8 locale, and a home and
/// temporary folder inside its work folder, so it reads no user's configuration and leaves nothing
/// behind. Nothing of the host's environment (the bot token, `BOSS_*` settings) is passed on.
public enum ChildEnvironment {
    /// The search path used when the host has none.
    public static let defaultPath = "/usr/local/bin:/usr/bin:/bin"

    /// The variables for a child working in `workFolder`. `searchPath` is the host's `PATH` (tools are
    /// found where the operator installed them); `proxy`, when given, is the egress proxy's URL with
    /// the job's credentials, set in every variable that HTTP tools read.
    public static func make(workFolder: String, searchPath: String?, proxy: String? = nil) -> [String: String]
    {
        var environment = [
            "PATH": searchPath.flatMap { $0.isEmpty ? nil : $0 } ?? defaultPath,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "HOME": workFolder + "/home",
            "TMPDIR": workFolder + "/tmp",
            // Python tools (gallery-dl, yt-dlp) write no bytecode caches into the work folder.
            "PYTHONDONTWRITEBYTECODE": "1",
        ]
        if let proxy {
            for name in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"] {
                environment[name] = proxy
            }
            // Nothing bypasses the proxy, loopback included: the proxy's guard decides.
            environment["NO_PROXY"] = ""
            environment["no_proxy"] = ""
        }
        return environment
    }

    /// The folders `make` points HOME and TMPDIR at; the caller creates them before the child starts.
    public static func folders(workFolder: String) -> [String] {
        [workFolder + "/home", workFolder + "/tmp"]
    }
}
