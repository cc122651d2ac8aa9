/// Limits of one queue.
public struct QueueLimits: Sendable {
    /// Jobs executing at once.
    public var maxRunning: Int
    /// Jobs waiting at most; more are refused.
    public var maxWaiting: Int
    /// Jobs one requester may have waiting at most, so one person cannot fill the queue.
    public var maxWaitingPerRequester: Int
    /// Starts a job may have had cut short by crashes before it is dropped instead of run again (a
    /// link that takes the process down must not take it down forever).
    public var maxAttempts: Int

    /// Creates limits; the defaults are the contract's, and no cap per requester beyond `maxWaiting`
    /// unless one is given (the bot gives `BOSS_MAX_QUEUE_PER_USER`).
    public init(
        maxRunning: Int = 5, maxWaiting: Int = 50, maxWaitingPerRequester: Int? = nil, maxAttempts: Int = 3
    ) {
        self.maxRunning = maxRunning
        self.maxWaiting = maxWaiting
        self.maxWaitingPerRequester = maxWaitingPerRequester ?? maxWaiting
        self.maxAttempts = maxAttempts
    }
}
