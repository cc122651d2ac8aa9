import PluginABI

/// One `run_process` call, copied out of the plugin's `boss_process_request`.
struct PluginProcessCall {
    var arguments: [String]
    var usesNetwork: Bool
    var standardOutput: String?
    var standardError: String?
    var onTick: boss_process_tick_fn?
    var tickContext: UnsafeMutableRawPointer?

    /// Copies the fields inside the request's `struct_size`; nil when it is too short to carry argv
    /// or argv is empty.
    init?(_ request: PluginStruct<boss_process_request>) {
        guard let argv = request.read(\.argv, default: nil) else { return nil }
        var arguments: [String] = []
        while let argument = argv[arguments.count] { arguments.append(String(cString: argument)) }
        guard !arguments.isEmpty else { return nil }
        self.arguments = arguments
        usesNetwork = request.read(\.flags, default: 0) & BOSS_PROCESS_NETWORK != 0
        standardOutput = request.read(\.stdout_path, default: nil).map { String(cString: $0) }
        standardError = request.read(\.stderr_path, default: nil).map { String(cString: $0) }
        onTick = request.read(\.on_tick, default: nil)
        tickContext = request.read(\.tick_context, default: nil)
    }

    /// Calls the plugin's `on_tick`; true (go on) when it has none.
    func tick() -> Bool {
        guard let onTick else { return true }
        return onTick(tickContext) != 0
    }
}
