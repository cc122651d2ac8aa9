import Glibc

/// Runs a child to its end on the calling thread while watching it: it notices the end at once, and
/// every `interval` it asks
/// `shouldStop` whether to end the child early (a cancelled job, a passed deadline, a folder over its
/// quota) and ends it within that interval plus the stop grace.
public struct ChildSupervisor: Sendable {
    /// How a supervised run ended.
    public enum Outcome: Sendable, Equatable {
        /// The child ended by itself.
        case ended(ChildTermination)
        /// `shouldStop` gave this reason; the child and its process group were stopped.
        case stopped(reason: String)
        /// It never ran.
        case notStarted(ChildError)
    }

    /// Time between two checks.
    public var interval: Duration
    /// Time between SIGTERM and SIGKILL when stopping.
    public var stopGrace: Duration

    /// A supervisor checking every 50 ms (cancellation is seen well within a second; a check is cheap).
    public init(interval: Duration = .milliseconds(50), stopGrace: Duration = .milliseconds(500)) {
        self.interval = interval
        self.stopGrace = stopGrace
    }

    /// Starts `command` and returns when it has ended or was stopped. `shouldStop` returns a reason to
    /// stop the child, or nil to let it run; it is called on this thread.
    public func run(_ command: ChildCommand, shouldStop: () -> String?) -> Outcome {
        let child: ChildProcess
        do {
            child = try ChildProcess(command)
        } catch {
            return .notStarted(error)
        }
        while true {
            if let ended = child.poll() {
                child.stop(grace: .zero)  // anything it left behind in its group
                return .ended(ended)
            }
            if let reason = shouldStop() {
                child.stop(grace: stopGrace)
                return .stopped(reason: reason)
            }
            // Wakes as soon as the child ends, so a finished tool costs no part of an interval.
            child.waitForEnd(upTo: interval)
        }
    }
}
