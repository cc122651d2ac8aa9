import BossBot
import BossCore
import Testing

/// `BOSS_SHARDS` (and its deprecated alias `BOSS_SHARD_ID`) read into the shard ids a process runs.
@Suite("Shard settings")
struct ShardSelectionTests {
    static func selection(_ values: [String: String], count: Int? = nil) throws(ConfigurationError)
        -> ShardSelection
    {
        try ShardSelection(HostEnvironment(values: values), count: count)
    }

    @Test("all by default; a range, one id, or the deprecated BOSS_SHARD_ID")
    func accepted() throws {
        #expect(try Self.selection([:]) == .all)
        #expect(try Self.selection([:]).ids(count: 4) == 0...3)
        #expect(try Self.selection(["BOSS_SHARDS": "ALL"]) == .all)
        #expect(try Self.selection(["BOSS_SHARDS": "0-1"], count: 4).ids(count: 4) == 0...1)
        #expect(try Self.selection(["BOSS_SHARDS": "2 - 3"], count: 4) == .range(2...3))
        #expect(try Self.selection(["BOSS_SHARDS": "3"], count: 4) == .range(3...3))
        #expect(try Self.selection(["BOSS_SHARD_ID": "2"], count: 4) == .range(2...2))
        #expect(try Self.selection(["BOSS_SHARD_ID": "", "BOSS_SHARDS": "1"]) == .range(1...1))
    }

    @Test(
        "refused with the setting named",
        arguments: [
            (["BOSS_SHARDS": "3-1"], "BOSS_SHARDS"), (["BOSS_SHARDS": "a-b"], "BOSS_SHARDS"),
            (["BOSS_SHARDS": "-1"], "BOSS_SHARDS"), (["BOSS_SHARDS": "0-1-2"], "BOSS_SHARDS"),
            (["BOSS_SHARDS": "0-4"], "BOSS_SHARDS"),
            (["BOSS_SHARDS": "0-1", "BOSS_SHARD_ID": "0"], "BOSS_SHARD_ID"),
            (["BOSS_SHARD_ID": "4"], "BOSS_SHARD_ID"), (["BOSS_SHARD_ID": "x"], "BOSS_SHARD_ID"),
        ])
    func refused(_ values: [String: String], _ key: String) {
        #expect {
            try Self.selection(values, count: 4)
        } throws: { error in
            guard case .invalidValue(let named, _, _) = error as? ConfigurationError else { return false }
            return named == key
        }
    }

    @Test("a range past the count Discord recommends is refused once the count is known")
    func pastRecommendation() throws {
        let selection = try Self.selection(["BOSS_SHARDS": "0-3"])
        #expect(try selection.ids(count: 8) == 0...3)
        #expect(throws: ConfigurationError.self) { try selection.ids(count: 2) }
    }
}
