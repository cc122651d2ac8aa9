import Foundation
import Hummingbird
import NIOCore

/// Builds the response of each `TestRoute`; bodies are streamed in 64 KiB chunks.
enum TestResponses {
    static func response(for route: TestRoute?, method: HTTPRequest.Method) -> Response {
        switch route {
        case nil:
            return Response(
                status: .notFound, body: ResponseBody(byteBuffer: ByteBuffer(string: "not found")))
        case .bytes(let bytes, let contentType):
            return Response(
                status: .ok, headers: [.contentType: contentType],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        case .json(let text):
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        case .status(let code, let body):
            return Response(
                status: .init(code: code), body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        case .redirect(let target, let code):
            return Response(status: .init(code: code), headers: [.location: target])
        case .generated(let size, let prefix, let contentType):
            return Response(
                status: .ok, headers: [.contentType: contentType], body: generated(size: size, prefix: prefix)
            )
        case .unsized(let size, let prefix):
            let sized = generated(size: size, prefix: prefix)
            return Response(status: .ok, body: ResponseBody { writer in try await sized.write(writer) })
        case .file(let path):
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            return Response(status: .ok, body: file(path: path, size: size))
        case .slow(let bytes, let chunkSize, let delay):
            return Response(status: .ok, body: slow(bytes, chunkSize: chunkSize, delay: delay))
        }
    }

    private static func generated(size: Int, prefix: [UInt8]) -> ResponseBody {
        ResponseBody(contentLength: size) { writer in
            var sent = 0
            let filler = [UInt8](repeating: 0x5A, count: 65_536)
            while sent < size {
                var chunk = sent == 0 ? prefix + filler.prefix(max(0, 65_536 - prefix.count)) : filler
                chunk = Array(chunk.prefix(size - sent))
                try await writer.write(ByteBuffer(bytes: chunk))
                sent += chunk.count
            }
            try await writer.finish(nil)
        }
    }

    private static func file(path: String, size: Int) -> ResponseBody {
        ResponseBody(contentLength: size) { writer in
            guard let handle = FileHandle(forReadingAtPath: path) else { throw CancellationError() }
            defer { try? handle.close() }
            while let data = try handle.read(upToCount: 65_536), !data.isEmpty {
                try await writer.write(ByteBuffer(bytes: data))
            }
            try await writer.finish(nil)
        }
    }

    private static func slow(_ bytes: [UInt8], chunkSize: Int, delay: Duration) -> ResponseBody {
        ResponseBody(contentLength: bytes.count) { writer in
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + chunkSize, bytes.count)
                try await writer.write(ByteBuffer(bytes: bytes[offset..<end]))
                offset = end
                if offset < bytes.count { try await Task.sleep(for: delay) }
            }
            try await writer.finish(nil)
        }
    }
}
