package import Foundation
import Glibc

/// Times as the register stores them: ISO 8601 in UTC to the millisecond
/// (`2026-11-22T09:41:07.250Z`), which sorts as text.
///
/// Written and read by hand rather than through `Date.ISO8601FormatStyle`: every write stamps one
/// and every row read parses two, and the format style was a measurable share of both. The output
/// is the format style's, which tests check.
package enum Timestamp {
    /// The text for `date`, truncated to the millisecond, and the date that text stands for, so a
    /// writer can hand back exactly what a later read will see.
    package static func stamp(_ date: Date) -> (text: String, date: Date) {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let exact = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        var seconds = time_t(milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000)
        let fraction = Int(milliseconds - Int64(seconds) * 1000)
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil, (0...9999).contains(Int(parts.tm_year) + 1900) else {
            return (date.formatted(style), exact)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        func append(_ number: Int, width: Int) {
            var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
            var rest = number
            for position in stride(from: width - 1, through: 0, by: -1) {
                digits[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            bytes += digits
        }
        append(Int(parts.tm_year) + 1900, width: 4)
        bytes.append(UInt8(ascii: "-"))
        append(Int(parts.tm_mon) + 1, width: 2)
        bytes.append(UInt8(ascii: "-"))
        append(Int(parts.tm_mday), width: 2)
        bytes.append(UInt8(ascii: "T"))
        append(Int(parts.tm_hour), width: 2)
        bytes.append(UInt8(ascii: ":"))
        append(Int(parts.tm_min), width: 2)
        bytes.append(UInt8(ascii: ":"))
        append(Int(parts.tm_sec), width: 2)
        bytes.append(UInt8(ascii: "."))
        append(fraction, width: 3)
        bytes.append(UInt8(ascii: "Z"))
        return (String(decoding: bytes, as: UTF8.self), exact)
    }

    /// The date a stored time stands for; nil when the text is not a time the register wrote.
    package static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 24, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "."),
              bytes[23] == UInt8(ascii: "Z")
        else { return try? style.parse(text) }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
              let minute = number(14..<16), let second = number(17..<19), let millisecond = number(20..<23),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        return Date(timeIntervalSince1970: Double(Int64(seconds) * 1000 + Int64(millisecond)) / 1000)
    }

    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
