/// Why the gateway stopped for good.
public enum GatewayError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Discord closed with a code that must not be retried; the text tells the operator what to fix.
    case fatal(code: UInt16, message: String)
    /// The IDENTIFY budget for today is used up.
    case identifyBudgetExhausted

    /// The operator-facing text.
    public var description: String {
        switch self {
        case .fatal(_, let message): message
        case .identifyBudgetExhausted:
            "The daily IDENTIFY budget is used up; Discord would reset the token. Start again tomorrow."
        }
    }
}
