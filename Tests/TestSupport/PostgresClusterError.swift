/// Why the throwaway PostgreSQL cluster could not do what a test asked, with what a CI log needs to
/// say why (the command, its exit status, its output and the end of the server's log).
public enum PostgresClusterError: Error, Equatable, CustomStringConvertible {
    /// No folder with PostgreSQL's programs (initdb, pg_ctl, createdb, psql) was found in `searched`.
    case programsNotFound(searched: [String])
    /// The tests run as root, where initdb refuses to run, and there is no `postgres` user (or no
    /// runuser) to run the server as.
    case noServerUser(String)
    /// Preparing the cluster's folder failed: what was tried and errno's message.
    case setupFailed(String)
    /// `command` exited with `status`; `output` is its stderr then stdout, `logTail` the server log's end.
    case commandFailed(command: String, status: Int32, output: String, logTail: String)
    /// `name` is not a plain database name (ASCII letters, digits, underscore, at most 63), so its URL
    /// would need escaping.
    case invalidDatabaseName(String)

    /// A one-paragraph account for a test failure.
    public var description: String {
        switch self {
        case .programsNotFound(let searched):
            return "PostgreSQL's initdb and pg_ctl were not found in \(searched.joined(separator: ", "))"
                + " (scripts/install-deps.sh installs Debian's postgresql)"
        case .noServerUser(let reason):
            return "cannot run PostgreSQL as root and \(reason)"
        case .setupFailed(let reason):
            return "cannot prepare the PostgreSQL cluster's folder: \(reason)"
        case .commandFailed(let command, let status, let output, let logTail):
            return
                "\(command) failed with exit status \(status):\n\(output)\n--- server log (end) ---\n\(logTail)"
        case .invalidDatabaseName(let name):
            return "'\(name)' is not a plain database name (ASCII letters, digits and _, at most 63)"
        }
    }
}
