import Glibc

/// A plugin's URL pattern: a POSIX extended regular expression, case-insensitive, searched in the URL
/// (plugins anchor with `^`). POSIX rather than Swift `Regex`: plugin authors in any language know the
/// syntax, and matching is a cheap call into libc on the routing path.
public final class URLPattern: @unchecked Sendable {
    // @unchecked: the compiled regex_t is only read after init; glibc's regexec is thread-safe.
    private let compiled: UnsafeMutablePointer<regex_t>
    /// The pattern as the plugin declared it.
    public let source: String

    /// Compiles `pattern`, or throws `badPattern` with the regcomp message.
    public init(_ pattern: String) throws(PluginLoadError) {
        compiled = .allocate(capacity: 1)
        let code = regcomp(compiled, pattern, REG_EXTENDED | REG_ICASE | REG_NOSUB)
        guard code == 0 else {
            var message = [CChar](repeating: 0, count: 256)
            regerror(code, compiled, &message, message.count)
            compiled.deallocate()
            throw .badPattern(
                pattern: pattern,
                reason: String(decoding: message.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self))
        }
        source = pattern
    }

    deinit {
        regfree(compiled)
        compiled.deallocate()
    }

    /// Whether `url` matches.
    public func matches(_ url: String) -> Bool { regexec(compiled, url, 0, nil, 0) == 0 }
}
