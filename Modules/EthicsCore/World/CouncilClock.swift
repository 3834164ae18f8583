public import Foundation

/// The time, and the council's calendar: what "today" means for a review date, a decision date or
/// an overdue check.
///
/// There is one time-zone policy: the council's (Europe/London unless its configuration says
/// otherwise), so a decision taken at 00:30 on a summer morning in Leeds is dated that day, not
/// the day before as UTC would have it. Plugins take the time from their context and never call
/// `Date()`, so tests pin it with ``fixed(_:timeZone:)``.
public struct CouncilClock: Sendable {
    /// The council's time zone.
    public let timeZone: TimeZone
    private let current: @Sendable () -> Date

    public init(timeZone: TimeZone, now: @escaping @Sendable () -> Date = { Date() }) {
        self.timeZone = timeZone
        current = now
    }

    /// The time zone a council gets when its configuration names none.
    public static let defaultTimeZone = TimeZone(identifier: "Europe/London")!

    /// The real clock in the council's default time zone.
    public static let system = CouncilClock(timeZone: defaultTimeZone)

    /// A clock that always reads `date`, for tests and reproducible runs.
    public static func fixed(_ date: Date, timeZone: TimeZone = defaultTimeZone) -> CouncilClock {
        CouncilClock(timeZone: timeZone, now: { date })
    }

    public func now() -> Date {
        current()
    }

    /// Today's date where the council is.
    public func today() -> CalendarDate {
        day(of: now())
    }

    /// The council's calendar date of `date`.
    public func day(of date: Date) -> CalendarDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(year: 1970, month: 1, day: 1)!
    }

    /// `days` after `date` (before it when negative), across month and year ends.
    public func adding(days: Int, to date: CalendarDate) -> CalendarDate {
        adding(DateComponents(day: days), to: date)
    }

    /// `months` after `date`, keeping the day where the month has it (31 January plus one month
    /// is the last day of February).
    public func adding(months: Int, to date: CalendarDate) -> CalendarDate {
        adding(DateComponents(month: months), to: date)
    }

    private func adding(_ components: DateComponents, to date: CalendarDate) -> CalendarDate {
        let noon = DateComponents(year: date.year, month: date.month, day: date.day, hour: 12)
        guard let start = calendar.date(from: noon), let moved = calendar.date(byAdding: components, to: start) else {
            return date
        }
        return day(of: moved)
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
