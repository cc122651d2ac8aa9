import Foundation
import Hummingbird
import NIOCore

/// Reads a message body the way Discord does: JSON, or multipart with `payload_json` and `files[n]`.
enum FakeMultipart {
    static func read(_ request: Request) async throws -> (
        payload: String, files: [(name: String, bytes: [UInt8])]
    ) {
        let body = Array(buffer: try await request.body.collect(upTo: 64 << 20))
        let type = request.headers[.contentType] ?? ""
        guard let range = type.range(of: "boundary=") else {
            return (String(decoding: body, as: UTF8.self), [])
        }
        let boundary = Array(
            ("--" + type[range.upperBound...].trimmingCharacters(in: .init(charactersIn: "\""))).utf8)
        var payload = "{}"
        var files: [(name: String, bytes: [UInt8])] = []
        for slice in split(body, by: boundary) {
            let part = Array(slice)
            guard let headerEnd = find(Array("\r\n\r\n".utf8), in: part, from: 0) else { continue }
            let head = String(decoding: part[..<headerEnd], as: UTF8.self)
            var content = Array(part[(headerEnd + 4)...])
            if content.suffix(2) == [13, 10] { content.removeLast(2) }
            if head.contains("name=\"payload_json\"") {
                payload = String(decoding: content, as: UTF8.self)
            } else if let filename = value(of: "filename", in: head) {
                files.append((filename, content))
            }
        }
        return (payload, files)
    }

    private static func split(_ body: [UInt8], by boundary: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = find(boundary, in: body, from: 0).map { $0 + boundary.count }
        while let from = start, let next = find(boundary, in: body, from: from) {
            parts.append(body[from..<next].drop { $0 == 13 || $0 == 10 })
            start = next + boundary.count
        }
        return parts
    }

    private static func find(_ needle: [UInt8], in haystack: some Collection<UInt8>, from: Int) -> Int? {
        let bytes = Array(haystack)
        guard needle.count <= bytes.count else { return nil }
        var index = from
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && Array(bytes[index..<(index + needle.count)]) == needle {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func value(of key: String, in head: String) -> String? {
        guard let range = head.range(of: key + "=\"") else { return nil }
        let rest = head[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
