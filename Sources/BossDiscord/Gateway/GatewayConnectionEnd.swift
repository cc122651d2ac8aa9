/// How one gateway connection ended, and what the session does next.
struct GatewayConnectionEnd {
    /// Resume, identify anew, or stop for good.
    var action: GatewayCloseAction
    /// The close code, when there was one.
    var code: UInt16?
    /// A session was established on it (resets the backoff).
    var healthy: Bool
    /// The wait we chose when we closed it ourselves (nil: the backoff decides).
    var delay: Duration?
    /// The next connection RESUMEs (else it IDENTIFYs).
    var resumes: Bool
}
