import BossDiscord
import TestSupport
import Testing

@Suite("zlib-stream inflater")
struct ZlibStreamInflaterTests {
    @Test("payloads share one stream; a payload split across messages completes at 00 00 ff ff")
    func sharedStreamAndSplitPayloads() throws {
        let deflater = ZlibDeflater()
        let inflater = ZlibStreamInflater()
        let first = Array(#"{"op":10,"d":{"heartbeat_interval":41250}}"#.utf8)
        #expect(try inflater.feed(deflater.compress(first)) == first)
        let large = Array(String(repeating: #"{"guild":"x"},"#, count: 20_000).utf8)
        let compressed = deflater.compress(large)
        let middle = compressed.count / 2
        #expect(try inflater.feed(Array(compressed[..<middle])) == nil)
        #expect(try inflater.feed(Array(compressed[middle...])) == large)
    }

    @Test("corrupt input is an error, not a crash")
    func corruptInput() {
        let inflater = ZlibStreamInflater()
        #expect(throws: ZlibStreamInflater.Failure.self) {
            try inflater.feed([0x12, 0x34, 0x56, 0x78, 0x9A, 0x00, 0x00, 0xFF, 0xFF])
        }
    }

    @Test("a payload over the limit is refused")
    func payloadLimit() {
        let inflater = ZlibStreamInflater(maxPayloadBytes: 1000)
        let compressed = ZlibDeflater().compress([UInt8](repeating: 65, count: 100_000))
        #expect(throws: ZlibStreamInflater.Failure.tooLarge(limit: 1000)) { try inflater.feed(compressed) }
    }
}
