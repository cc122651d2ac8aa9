import GRDB

extension Job: FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "job"

    /// Times as `JobStore.storedTime` writes them.
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .custom { JobStore.storedTime($0) }
    }
}
