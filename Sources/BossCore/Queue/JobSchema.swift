import GRDB

/// The queue database's schema, one migration per version (GRDB records which ran in the file).
enum JobSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: jobs") { db in
            try db.create(table: Job.databaseTableName) { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("url", .text).notNull()
                table.column("requester", .text).notNull()
                table.column("scope", .text).notNull()
                table.column("context", .text).notNull()
                table.column("state", .text).notNull()
                table.column("attempts", .integer).notNull().defaults(to: 0)
                table.column("failureCategory", .text)
                table.column("failureMessage", .text)
                table.column("createdAt", .datetime).notNull()
                table.column("updatedAt", .datetime).notNull()
            }
            try db.create(index: "job_scope_state", on: Job.databaseTableName, columns: ["scope", "state"])
        }
        // Leases (the worker running a job and until when), turns (fair order across restarts) and
        // cancel requests: the same claims as the shared PostgreSQL store.
        migrator.registerMigration("v2: leases") { db in
            try db.alter(table: Job.databaseTableName) { table in
                table.add(column: "worker", .text)
                table.add(column: "leaseUntil", .datetime)
                table.add(column: "turn", .integer)
                table.add(column: "cancelRequested", .boolean).notNull().defaults(to: false)
            }
            try db.create(
                index: "job_scope_requester_turn", on: Job.databaseTableName,
                columns: ["scope", "requester", "turn"])
        }
        return migrator
    }
}
