extension DownloadQueue {
    /// Whether the queue takes new jobs (false once `shutdown` began).
    public var isAccepting: Bool { accepting }
}
