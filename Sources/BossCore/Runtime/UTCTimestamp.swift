import Foundation

/// UTC times as text through the C library's calendar functions. Foundation's `DateFormatter` and
/// `Date.ISO8601FormatStyle` do the same through ICU, which maps several MiB of ICU calendar, time-zone
/// and locale data into a bot that is otherwise idle (measured: docs/OPERATIONS.md, "Memory").
enum UTCTimestamp {
    /// `YYYYMMDD-HHMMSS`: the UTC time of `date`, to the second (rounded down).
    static func string(from date: Date) -> String {
        let (day, time) = fields(of: date)
        return day.joined() + "-" + time.joined()
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`, ISO 8601 in UTC, to the nearest millisecond.
    static func iso8601(from date: Date) -> String {
        let (day, time, milliseconds) = millisecondFields(of: date)
        return day.joined(separator: "-") + "T" + time.joined(separator: ":") + "." + milliseconds + "Z"
    }

    /// `YYYY-MM-DD HH:MM:SS.mmm` in UTC, to the nearest millisecond: the text GRDB's own `Date`
    /// formatter stores (so rows of earlier versions compare and sort with new ones).
    static func databaseText(from date: Date) -> String {
        let (day, time, milliseconds) = millisecondFields(of: date)
        return day.joined(separator: "-") + " " + time.joined(separator: ":") + "." + milliseconds
    }

    /// The date's fields, to the nearest millisecond (a carry reaches the second, minute, ... day).
    private static func millisecondFields(of date: Date) -> (
        day: [String], time: [String], milliseconds: String
    ) {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let whole = fraction < 0 ? (seconds - 1, fraction + 1000) : (seconds, fraction)
        let (day, time) = fields(of: Date(timeIntervalSince1970: TimeInterval(whole.0)))
        return (day, time, padded(Int32(whole.1), 3))
    }

    private static func fields(of date: Date) -> (day: [String], time: [String]) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var fields = tm()
        gmtime_r(&seconds, &fields)
        let day = [padded(fields.tm_year + 1900, 4), padded(fields.tm_mon + 1, 2), padded(fields.tm_mday, 2)]
        return (day, [fields.tm_hour, fields.tm_min, fields.tm_sec].map { padded($0, 2) })
    }

    /// The time `text` names; nil unless it is exactly a real time in this form.
    static func date(from text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 15, bytes[8] == UInt8(ascii: "-"),
            bytes.enumerated().allSatisfy({
                $0.offset == 8 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element)
            })
        else { return nil }
        let number = { (range: Range<Int>) in
            bytes[range].reduce(Int32(0)) { $0 * 10 + Int32($1 - UInt8(ascii: "0")) }
        }
        var fields = tm()
        fields.tm_year = number(0..<4) - 1900
        fields.tm_mon = number(4..<6) - 1
        fields.tm_mday = number(6..<8)
        fields.tm_hour = number(9..<11)
        fields.tm_min = number(11..<13)
        fields.tm_sec = number(13..<15)
        let date = Date(timeIntervalSince1970: TimeInterval(timegm(&fields)))
        // timegm normalizes out-of-range fields (month 13, February 30): such a text names no real time.
        return string(from: date) == text ? date : nil
    }

    private static func padded(_ value: Int32, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
