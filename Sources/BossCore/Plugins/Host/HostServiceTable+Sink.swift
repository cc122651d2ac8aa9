import Foundation
import PluginABI

extension HostServiceTable {
    static func installSinkServices(_ table: inout boss_host) {
        table.file_begin = { job, name, expectedSize, out in
            guard let context = ExtractCall.from(job), let out else { return BOSS_ERR_INVALID_ARGUMENT }
            let suggested = name.map { String(cString: $0) }
            let (status, file) = context.beginFile(
                suggestedName: suggested, expectedSize: expectedSize < 0 ? nil : expectedSize)
            out.pointee = file.flatMap { PluginHandles.pointer($0.handle) }
            return status
        }
        table.file_write = { handle, bytes, length in
            guard let file = PluginHandles.file(handle, for: "file_write", closing: false),
                let context = file.context
            else { return BOSS_ERR_INVALID_ARGUMENT }
            guard length > 0 else { return BOSS_OK }
            guard let bytes else { return BOSS_ERR_INVALID_ARGUMENT }
            return context.write(file, UnsafeRawBufferPointer(start: bytes, count: length))
        }
        table.file_end = { handle in
            guard let file = PluginHandles.file(handle, for: "file_end", closing: true),
                let context = file.context
            else { return BOSS_ERR_INVALID_ARGUMENT }
            return context.end(file)
        }
        table.file_abort = { handle in
            guard let file = PluginHandles.file(handle, for: "file_abort", closing: true) else { return }
            file.context?.abort(file)
        }
        table.fetch_to_file = { job, url, headers, name in
            guard let context = ExtractCall.from(job), let url else { return BOSS_ERR_INVALID_ARGUMENT }
            guard let headerLines = HeaderLines(headers) else {
                return context.record(BOSS_ERR_INVALID_ARGUMENT, "header line with CR or LF refused")
            }
            return context.fetchToFile(
                url: String(cString: url), headers: headerLines.fields,
                suggestedName: name.map { String(cString: $0) })
        }
    }
}

/// The `NULL`-terminated "Name: value" list of the ABI, parsed; nil when a line could inject headers.
struct HeaderLines {
    var fields: [(name: String, value: String)] = []

    init?(_ lines: UnsafePointer<UnsafePointer<CChar>?>?) {
        var cursor = lines
        while let line = cursor?.pointee {
            let text = String(cString: line)
            guard !text.contains("\r"), !text.contains("\n"), let colon = text.firstIndex(of: ":") else {
                return nil
            }
            let name = text[..<colon].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return nil }
            fields.append((name, text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            cursor = cursor?.advanced(by: 1)
        }
    }
}
