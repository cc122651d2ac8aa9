import Foundation
import Logging

/// How log lines are written: readable text, or one JSON object per line for log collectors.
public enum LogFormat: String, Sendable {
    /// `TIME LEVEL LABEL: MESSAGE key=value…`, the level coloured on a terminal.
    case text
    /// `{"time":…,"level":…,"label":…,"message":…,"metadata":{…}}`.
    case json
}
