/// A change of a job's state, as the queue broadcasts it.
public enum JobEvent: Sendable, Equatable {
    case queued(Job)
    case started(Job)
    case finished(Job)
}
