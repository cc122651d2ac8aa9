/// A shard: `id` in `0..<count`.
public struct ShardInfo: Sendable, Equatable {
    /// This shard's index.
    public var id: Int
    /// Shards in all.
    public var count: Int
    /// Creates shard info.
    public init(id: Int, count: Int) {
        self.id = id
        self.count = count
    }
}
