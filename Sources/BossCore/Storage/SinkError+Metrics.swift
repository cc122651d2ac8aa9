extension SinkError {
    /// The `reason` label of `boss_files_rejected_total` for this refusal.
    public var metricReason: String {
        switch self {
        case .tooLarge: "too_large"
        case .badType: "bad_type"
        case .quotaExceeded: "quota"
        case .empty: "empty"
        case .io, .finished: "io"
        case .notAdoptable: "not_adoptable"
        }
    }
}
