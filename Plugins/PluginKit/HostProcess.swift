import Glibc
import PluginABI

/// Runs a tool through the host's `run_process`: confined (its own process group, a minimal
/// environment, the job's work folder, the file size limit and quota), cancelled with the job and
/// bounded by its deadline. With `network`, the tool reaches the network only through the host's
/// egress proxy.
public struct HostProcess {
    private let host: UnsafePointer<boss_host>
    private let job: OpaquePointer

    /// What a run reported: the host's status, and the tool's exit code when it ran.
    public struct Report {
        /// `BOSS_OK` when the tool ran (whatever its exit code), else why it could not run or was stopped.
        public var status: boss_status
        /// The tool's exit status, 128 + the signal that ended it, or `BOSS_PROCESS_STOPPED`.
        public var exitCode: Int32
    }

    init(host: UnsafePointer<boss_host>, job: OpaquePointer) {
        self.host = host
        self.job = job
    }

    /// Whether the host has `run_process` and `proxy_url` (ABI 1 hosts from before them do not).
    public var isAvailable: Bool { PluginHost(host).provides(\.proxy_url) }

    /// The egress proxy's URL with this job's credentials, for a tool's own proxy option.
    public func proxyURL() -> String? {
        guard isAvailable else { return nil }
        return host.pointee.proxy_url(job).map { String(cString: $0) }
    }

    /// Runs `arguments` (the first is the tool: a path, or a name found on the host's PATH). Output goes
    /// to the given files in the work folder; `onTick` runs about every 50 ms, return false to stop.
    public func run(
        _ arguments: [String], network: Bool, stdout: String?, stderr: String?, onTick: (() -> Bool)? = nil
    ) -> Report {
        guard isAvailable else { return Report(status: BOSS_ERR_DEPENDENCY, exitCode: BOSS_PROCESS_STOPPED) }
        let argv: [UnsafePointer<CChar>?] = arguments.map { UnsafePointer(strdup($0)) } + [nil]
        defer { for argument in argv { free(UnsafeMutablePointer(mutating: argument)) } }
        let ticker = onTick.map(Ticker.init)
        var result = boss_process_result(
            struct_size: UInt32(MemoryLayout<boss_process_result>.size), exit_code: 0)
        let status = withOptionalCString(stdout) { out in
            withOptionalCString(stderr) { err in
                argv.withUnsafeBufferPointer { args in
                    var request = boss_process_request()
                    request.struct_size = UInt32(MemoryLayout<boss_process_request>.size)
                    request.flags = network ? BOSS_PROCESS_NETWORK : 0
                    request.argv = args.baseAddress
                    request.stdout_path = out
                    request.stderr_path = err
                    if let ticker {
                        request.on_tick = { context in
                            guard let context else { return 1 }
                            return Unmanaged<Ticker>.fromOpaque(context).takeUnretainedValue().tick() ? 1 : 0
                        }
                        request.tick_context = Unmanaged.passUnretained(ticker).toOpaque()
                    }
                    return withExtendedLifetime(ticker) { host.pointee.run_process(job, &request, &result) }
                }
            }
        }
        return Report(status: status, exitCode: result.exit_code)
    }
}

/// Carries the plugin's tick closure through the C callback's context pointer.
private final class Ticker {
    let tick: () -> Bool
    init(_ tick: @escaping () -> Bool) { self.tick = tick }
}

private func withOptionalCString<T>(_ string: String?, _ body: (UnsafePointer<CChar>?) -> T) -> T {
    guard let string else { return body(nil) }
    return string.withCString { body($0) }
}
