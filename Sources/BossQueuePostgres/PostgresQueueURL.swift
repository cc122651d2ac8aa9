import Foundation
import NIOSSL
import PostgresNIO

/// `BOSS_QUEUE_URL` read as a PostgreSQL address: `postgres://user:password@host:port/database`, with
/// an optional `?sslmode=disable|prefer|require` (libpq's default, `prefer`, when absent). Its
/// description never shows the password.
public struct PostgresQueueURL: Sendable, CustomStringConvertible {
    /// Why a queue URL cannot be used; the messages never quote the password.
    public enum ParseError: Error, CustomStringConvertible, Equatable {
        case notPostgres(scheme: String)
        case missing(String)
        case badSSLMode(String)

        /// The operator's message.
        public var description: String {
            switch self {
            case .notPostgres(let scheme):
                "BOSS_QUEUE_URL must start with postgres:// or postgresql:// (it starts with \(scheme)://)"
            case .missing(let part):
                "BOSS_QUEUE_URL has no \(part) (postgres://user:password@host:port/database)"
            case .badSSLMode(let mode):
                "BOSS_QUEUE_URL's sslmode must be disable, prefer or require, not \(mode)"
            }
        }
    }

    /// What postgres-nio connects with.
    public let configuration: PostgresConnection.Configuration
    /// `postgres://user@host:port/database`: what logs and `/healthz` may show.
    public let description: String

    /// Parses `text`; throws `ParseError` naming what is wrong.
    public init(_ text: String) throws {
        guard let url = URLComponents(string: text), let scheme = url.scheme else {
            throw ParseError.missing("scheme")
        }
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw ParseError.notPostgres(scheme: scheme)
        }
        guard let host = url.percentEncodedHost, !host.isEmpty else { throw ParseError.missing("host") }
        guard let user = url.user, !user.isEmpty else { throw ParseError.missing("user") }
        let database = String(url.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw ParseError.missing("database") }
        let port = url.port ?? 5432
        let mode = url.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        let tls: PostgresConnection.Configuration.TLS
        switch mode {
        case "disable": tls = .disable
        case "prefer": tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case "require": tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        default: throw ParseError.badSSLMode(mode)
        }
        configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: url.password, database: database, tls: tls)
        description = "\(scheme)://\(user)@\(host):\(port)/\(database)"
    }
}
