import BossCore
import Foundation
import TestSupport
import Testing

/// Junk libraries whose header offsets overflow 64-bit arithmetic: each is refused with a reason, and
/// the host (this test process) survives.
@Suite("ELF preflight: offsets from the file never overflow")
struct ELFPreflightTests {
    /// A 64-bit little-endian ELF header of `size` bytes with one 56-byte program header at 64.
    static func header(size: Int = 200) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: size)
        bytes.replaceSubrange(0..<6, with: MediaSamples.elf64.prefix(6))
        put(&bytes, 64, at: 32)
        bytes[54] = 56
        bytes[56] = 1
        return bytes
    }

    static func put(_ bytes: inout [UInt8], _ value: UInt64, at offset: Int) {
        for index in 0..<8 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(index))) }
    }

    static let cases: [(name: String, edit: @Sendable (inout [UInt8]) -> Void)] = [
        ("e_phoff near 2^64", { put(&$0, UInt64.max - 8, at: 32) }),
        (
            "e_shoff near 2^64",
            {
                put(&$0, UInt64.max - 8, at: 40)
                $0[58] = 64
                $0[60] = 2
            }
        ),
        (
            "segment offset near 2^64",
            {
                put(&$0, UInt64.max - 8, at: 64 + 8)
                put(&$0, 100, at: 64 + 32)
            }
        ),
        (
            "segment size near 2^64",
            {
                put(&$0, 16, at: 64 + 8)
                put(&$0, UInt64.max, at: 64 + 32)
            }
        ),
        (
            "program table past the end",
            {
                $0[56] = 0xFF
                $0[57] = 0xFF
            }
        ),
    ]

    @Test("every overflowing header is refused as not loadable", arguments: 0..<cases.count)
    func overflowingHeader(_ index: Int) throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        var bytes = Self.header()
        Self.cases[index].edit(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: harness.plugins + "/libjunk.so"))
        let failure = try #require(harness.loader().loadAll().failures.first, "\(Self.cases[index].name)")
        let reason = try #require(
            failure.error.notLoadableReason, "\(Self.cases[index].name): \(failure.error)")
        #expect(reason.contains("truncated"), "\(Self.cases[index].name): \(reason)")
    }

    @Test("a well-formed header with an in-bounds segment passes the preflight (dlopen decides)")
    func inBounds() throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        var bytes = Self.header()
        Self.put(&bytes, 0, at: 64 + 8)
        Self.put(&bytes, 200, at: 64 + 32)
        try Data(bytes).write(to: URL(fileURLWithPath: harness.plugins + "/libheader.so"))
        let failure = try #require(harness.loader().loadAll().failures.first)
        let reason = try #require(failure.error.notLoadableReason, "\(failure.error)")
        #expect(!reason.contains("truncated"), "the preflight let it through to dlopen: \(reason)")
    }
}
