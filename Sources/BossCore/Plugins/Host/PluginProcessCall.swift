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
    init?(_ request: UnsafePointer<boss_process_request>) {
        let size = Int(request.pointee.struct_size)
        func has(_ field: PartialKeyPath<boss_process_request>) -> Bool {
            guard let offset = MemoryLayout<boss_process_request>.offset(of: field) else { return false }
            return size >= offset + MemoryLayout<UnsafeRawPointer>.size
        }
        guard has(\.argv), let argv = request.pointee.argv else { return nil }
        var arguments: [String] = []
        while let argument = argv[arguments.count] { arguments.append(String(cString: argument)) }
        guard !arguments.isEmpty else { return nil }
        self.arguments = arguments
        usesNetwork = request.pointee.flags & BOSS_PROCESS_NETWORK != 0
        standardOutput = has(\.stdout_path) ? request.pointee.stdout_path.map { String(cString: $0) } : nil
        standardError = has(\.stderr_path) ? request.pointee.stderr_path.map { String(cString: $0) } : nil
        onTick = has(\.on_tick) ? request.pointee.on_tick : nil
        tickContext = has(\.tick_context) ? request.pointee.tick_context : nil
    }
}
