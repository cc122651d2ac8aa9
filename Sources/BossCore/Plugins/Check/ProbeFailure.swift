import Foundation
import PluginABI

/// A check's failure, as the sentence printed after `FAIL name:`.
struct ProbeFailure: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
