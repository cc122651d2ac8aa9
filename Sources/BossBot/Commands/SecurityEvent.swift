import BossMetrics
import Logging

/// A security-relevant refusal (a refused user, an admin command by a non-admin, a rate limit): counted
/// in `boss_security_events_total` and logged with who and where, for the operator's alerting.
enum SecurityEvent {
    /// Counts an event of `kind` and returns the log metadata naming it.
    static func metadata(_ invocation: Invocation, kind: String) -> Logger.Metadata {
        BossMetrics.securityEvent(kind)
        return [
            "security_event": "\(kind)", "user": "\(invocation.user)",
            "guild": "\(invocation.guild?.rawValue ?? "dm")",
            "channel": "\(invocation.channel)",
        ]
    }
}
