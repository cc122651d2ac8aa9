import Foundation

/// A process's resident memory read from `/proc/PID/smaps`, grouped the way an operator can act on it:
/// per file (the binary, each library, each plugin's private copy) and, for anonymous memory, the main
/// heap, the other malloc arenas, thread stacks and the remaining anonymous mappings.
struct MemoryMap {
    /// Resident memory attributed to one file or one kind of anonymous mapping.
    struct Group {
        var name: String
        var residentKiB = 0
        /// Of `residentKiB`, pages not backed by the file (private dirty copies, relocations, BSS).
        var anonymousKiB = 0
        var mappings = 0
    }

    /// One line of `smaps` and the figures below it.
    struct Mapping {
        var start: UInt64
        var end: UInt64
        var permissions: String
        var path: String
        var residentKiB = 0
        var anonymousKiB = 0
    }

    let groups: [Group]

    /// The sum of every mapping's `Rss` (equal to VmRSS).
    var residentKiB: Int { groups.reduce(0) { $0 + $1.residentKiB } }

    init(pid: Int32) throws {
        // Read to the end: procfs reports a size of 0, and a sized read would stop after the first page.
        let file = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/\(pid)/smaps"))
        defer { try? file.close() }
        let text = String(decoding: try file.readToEnd() ?? Data(), as: UTF8.self)
        self.init(mappings: Self.parse(text))
    }

    init(mappings: [Mapping]) {
        var byName: [String: Group] = [:]
        for (index, mapping) in mappings.enumerated() where mapping.residentKiB > 0 {
            let name = Self.classify(mapping, previous: index > 0 ? mappings[index - 1] : nil)
            var group = byName[name] ?? Group(name: name)
            group.residentKiB += mapping.residentKiB
            group.anonymousKiB += mapping.anonymousKiB
            group.mappings += 1
            byName[name] = group
        }
        groups = byName.values.sorted { $0.residentKiB > $1.residentKiB }
    }

    /// glibc lays out a thread's stack as one mmap with a guard page below it, and a secondary malloc
    /// arena as a heap aligned to 64 MiB (HEAP_MAX_SIZE); the kernel names the main heap and stack.
    static func classify(_ mapping: Mapping, previous: Mapping?) -> String {
        switch mapping.path {
        case "[heap]": return "anon: main malloc arena ([heap])"
        case "[stack]": return "anon: main thread stack"
        case "": break
        default:
            if mapping.path.hasPrefix("[") { return "anon: " + mapping.path }
            return (mapping.path as NSString).lastPathComponent
        }
        if let previous, previous.end == mapping.start, previous.permissions.hasPrefix("---"),
            previous.path.isEmpty, previous.end - previous.start == 4096
        {
            return "anon: thread stacks"
        }
        if mapping.start % (64 << 20) == 0 { return "anon: other malloc arenas" }
        return "anon: other mmap (large allocations, runtime)"
    }

    static func parse(_ text: String) -> [Mapping] {
        var mappings: [Mapping] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            if let first = fields.first, first.contains("-"), !first.hasSuffix(":"), fields.count >= 5 {
                let range = first.split(separator: "-")
                mappings.append(
                    Mapping(
                        start: UInt64(range[0], radix: 16) ?? 0, end: UInt64(range[1], radix: 16) ?? 0,
                        permissions: String(fields[1]),
                        path: fields.count > 5 ? fields[5].trimmingCharacters(in: .whitespaces) : ""))
            } else if fields.count >= 2, let value = Int(fields[1]) {
                switch fields[0] {
                case "Rss:": mappings[mappings.count - 1].residentKiB = value
                case "Anonymous:": mappings[mappings.count - 1].anonymousKiB = value
                default: break
                }
            }
        }
        return mappings
    }

    /// The `count` largest groups, one per line: resident MiB, of which anonymous, and the name.
    func top(_ count: Int) -> String {
        groups.prefix(count).map { group in
            String(
                format: "%7.1f MiB (%5.1f anon, %2d maps)  ", Double(group.residentKiB) / 1024,
                Double(group.anonymousKiB) / 1024, group.mappings) + group.name
        }.joined(separator: "\n")
    }
}
