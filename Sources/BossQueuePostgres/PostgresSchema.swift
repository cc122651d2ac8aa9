import Logging
import PostgresNIO

/// The queue's tables in PostgreSQL, one migration per version, recorded in `boss_schema_version`. The
/// first process to start migrates (under an advisory lock, so two starting at once do not both try);
/// a database migrated by a newer version is refused rather than misread.
enum PostgresSchema {
    /// Each migration's statements, in order; index + 1 is its version.
    static let migrations: [[PostgresQuery]] = [
        [
            "CREATE SEQUENCE boss_job_turn",
            """
            CREATE TABLE boss_job (
                id bigserial PRIMARY KEY, url text NOT NULL, requester text NOT NULL, scope text NOT NULL,
                context text NOT NULL, state text NOT NULL, attempts integer NOT NULL DEFAULT 0,
                failure_category text, failure_message text,
                created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
                worker text, lease_until timestamptz, turn bigint, cancel_requested boolean NOT NULL DEFAULT false)
            """,
            "CREATE INDEX boss_job_scope_state ON boss_job (scope, state, id)",
            "CREATE INDEX boss_job_scope_requester_turn ON boss_job (scope, requester, turn)",
        ]
    ]

    /// An arbitrary constant naming the migration lock among the database's advisory locks.
    private static let lockKey: Int64 = 0x626f_7373_7175  // "bossqu"

    /// Brings the schema to the newest version this build knows.
    static func migrate(_ session: PostgresSession, logger: Logger) throws {
        try session.transaction { transaction in
            try transaction.run("SELECT pg_advisory_xact_lock(\(lockKey))")
            try transaction.run("CREATE TABLE IF NOT EXISTS boss_schema_version (version integer NOT NULL)")
            var version = 0
            for row in try transaction.run("SELECT max(version) FROM boss_schema_version") {
                version = Int(try row.decode(Int32?.self) ?? 0)
            }
            guard version <= migrations.count else {
                throw PostgresQueueError.schemaTooNew(found: version, known: migrations.count)
            }
            for (index, statements) in migrations.enumerated().dropFirst(version) {
                for statement in statements { try transaction.run(statement) }
                try transaction.run("INSERT INTO boss_schema_version (version) VALUES (\(Int32(index + 1)))")
                logger.notice("queue database migrated to schema version \(index + 1)")
            }
        }
    }
}
