import BossCore

/// The shards this process runs (`BOSS_SHARDS`, or the deprecated `BOSS_SHARD_ID`), out of
/// `BOSS_SHARD_COUNT`.
public enum ShardSelection: Sendable, Equatable {
    /// Every shard of the count (`all`, the default).
    case all
    /// Shard ids `A...B` (`A-B`, or `N` for one).
    case range(ClosedRange<Int>)

    /// Reads `BOSS_SHARDS` and its deprecated alias `BOSS_SHARD_ID` (one shard); setting both is an error,
    /// as is a range that is reversed, malformed or, when `count` is known, not below it.
    public init(_ env: HostEnvironment, count: Int?) throws(ConfigurationError) {
        let shards = env.values[SettingKey.shards.rawValue] ?? ""
        let legacy = env.values[SettingKey.shardID.rawValue] ?? ""
        if !legacy.isEmpty {
            guard shards.isEmpty else {
                throw .invalidValue(
                    key: SettingKey.shardID.rawValue, value: legacy,
                    expected:
                        "unset when BOSS_SHARDS is set (BOSS_SHARD_ID is a deprecated alias of BOSS_SHARDS=N)"
                )
            }
            let id = try env.integer(.shardID, in: 0...10_000)
            if let count, id >= count {
                throw .invalidValue(
                    key: SettingKey.shardID.rawValue, value: legacy,
                    expected: "below BOSS_SHARD_COUNT (\(count))")
            }
            self = .range(id...id)
        } else {
            self = try Self.parse(env[.shards] ?? "all")
        }
        if let count { _ = try ids(count: count) }
    }

    /// `all`, `A-B` or `N`.
    private static func parse(_ raw: String) throws(ConfigurationError) -> ShardSelection {
        if raw.lowercased() == "all" { return .all }
        let bounds = raw.split(separator: "-", omittingEmptySubsequences: false).map {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        guard (1...2).contains(bounds.count), let low = bounds.first ?? nil, let high = bounds.last ?? nil,
            (0...10_000).contains(low), low <= high, high <= 10_000
        else {
            throw .invalidValue(
                key: SettingKey.shards.rawValue, value: raw,
                expected: "all, a shard id, or a range A-B of shard ids with A <= B, e.g. 0-3")
        }
        return .range(low...high)
    }

    /// The shard ids out of `count` shards in all; an error names the setting when a range reaches `count`.
    public func ids(count: Int) throws(ConfigurationError) -> ClosedRange<Int> {
        switch self {
        case .all: return 0...(max(1, count) - 1)
        case .range(let range) where range.upperBound < count: return range
        case .range(let range):
            throw .invalidValue(
                key: SettingKey.shards.rawValue, value: "\(range.lowerBound)-\(range.upperBound)",
                expected: "shard ids below BOSS_SHARD_COUNT (\(count))")
        }
    }

    /// `all`, `N` or `A-B`, as `BOSS_SHARDS` is written.
    public var label: String {
        switch self {
        case .all: "all"
        case .range(let ids): ids.count == 1 ? "\(ids.lowerBound)" : "\(ids.lowerBound)-\(ids.upperBound)"
        }
    }
}
