/// libFuzzer entry for the download command's link parser: any UTF-8 text, split into words as a
/// message is.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLinkParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(
        decoding: UnsafeBufferPointer(start: data, count: data == nil ? 0 : size), as: UTF8.self)
    let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
    let (links, rejected) = LinkParser.parse(words)
    precondition(links.count + rejected.count <= words.count, "more results than words")
    for link in links {
        let scheme = link.url.prefix(8).lowercased()
        precondition(scheme.hasPrefix("http://") || scheme.hasPrefix("https://"), "non-http link \(link.url)")
    }
    return 0
}
