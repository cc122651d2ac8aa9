import Foundation

/// A tweet link: the tweet id and, for `/photo/<n>` or `/video/<n>` links, the one item wanted.
struct TweetURL: Equatable {
    static let hosts: Set<String> = [
        "twitter.com", "x.com", "fxtwitter.com", "vxtwitter.com", "fixupx.com", "fixvx.com",
    ]

    /// The routing pattern, kept in step with `init?(_:)`.
    static let pattern =
        "^https?://(((mobile|www)\\.)?(twitter|x)|fxtwitter|vxtwitter|fixupx|fixvx)\\.com/"
        + "([A-Za-z0-9_]{1,15}/status|i/status|i/web/status|statuses)/[0-9]{1,20}"
        + "(/(photo|video)/[1-9][0-9]?)?/?([?#].*)?$"

    let id: String
    /// 1-based position in the tweet's media, or nil for every item.
    let item: Int?

    init(id: String, item: Int? = nil) {
        self.id = id
        self.item = item
    }

    init?(_ url: String) {
        guard let components = URLComponents(string: url), var host = components.encodedHost?.lowercased(),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { return nil }
        for prefix in ["mobile.", "www."] where host.hasPrefix(prefix) { host.removeFirst(prefix.count) }
        guard Self.hosts.contains(host) else { return nil }
        var parts = components.path.split(separator: "/").map { $0.lowercased() }
        var item: Int?
        if parts.count >= 2, ["photo", "video"].contains(parts[parts.count - 2]) {
            guard let number = Int(parts[parts.count - 1]), number >= 1 else { return nil }
            item = number
            parts.removeLast(2)
        }
        guard let id = parts.last, (1...20).contains(id.count), id.allSatisfy(\.isASCII),
            id.allSatisfy(\.isNumber)
        else { return nil }
        let route = parts.dropLast()
        let valid =
            route == ["statuses"] || route == ["i", "status"] || route == ["i", "web", "status"]
            || (route.count == 2 && route.last == "status")
        guard valid else { return nil }
        self.init(id: id, item: item)
    }

    /// The syndication API's token: `((id / 1e15) * π).toString(36)` without '0's and '.'.
    var token: String {
        let value = (Double(id) ?? 0) / 1e15 * Double.pi
        return JSRadix.string(value, radix: 36).filter { $0 != "0" && $0 != "." }
    }
}

/// JavaScript's `Number.prototype.toString(radix)` for non-negative finite doubles (V8's
/// DoubleToRadixCString): the token must match the one the site's own script computes, digit for digit.
enum JSRadix {
    static let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz")

    static func string(_ value: Double, radix: Int) -> String {
        guard value.isFinite, value >= 0 else { return "" }
        var integer = value.rounded(.down)
        var fraction = value - integer
        // Only as many fraction digits as the double's precision carries.
        var delta = max(0.5 * (value.nextUp - value), Double.leastNonzeroMagnitude)
        var fractionDigits: [Int] = []
        if fraction >= delta {
            repeat {
                fraction *= Double(radix)
                delta *= Double(radix)
                let digit = Int(fraction)
                fractionDigits.append(digit)
                fraction -= Double(digit)
                if fraction > 0.5 || (fraction == 0.5 && digit & 1 == 1), fraction + delta > 1 {
                    // Round up, carrying through digits already written.
                    while true {
                        guard let last = fractionDigits.popLast() else {
                            integer += 1
                            break
                        }
                        if last + 1 < radix {
                            fractionDigits.append(last + 1)
                            break
                        }
                    }
                    break
                }
            } while fraction >= delta
        }
        var integerDigits: [Character] = []
        repeat {
            let remainder = integer.truncatingRemainder(dividingBy: Double(radix))
            integerDigits.append(digits[Int(remainder)])
            integer = (integer - remainder) / Double(radix)
        } while integer > 0
        let fractionText = fractionDigits.isEmpty ? "" : "." + String(fractionDigits.map { digits[$0] })
        return String(integerDigits.reversed()) + fractionText
    }
}
