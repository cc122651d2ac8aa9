extension DownloadQueue {
    /// Whether the queue takes new jobs (false once `shutdown` began).
    public var isAccepting: Bool { accepting }
    /// What the queue database refuses, while it lasts (for `/healthz`); nil while it takes writes.
    public var storageFault: String? { fault.message }
}
