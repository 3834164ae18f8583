import EthicsCore
import Foundation

/// Today's date in UTC, and date arithmetic for review dates.
enum Today {
    static func date(_ now: Date = Date()) -> CalendarDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)!
    }

    static func adding(days: Int, to date: CalendarDate) -> CalendarDate {
        let start = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) ?? Date()
        return Today.date(calendar.date(byAdding: .day, value: days, to: start) ?? start)
    }

    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }
}
