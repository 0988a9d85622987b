/// A calendar day (proleptic Gregorian year, month, day) with no time of day and no time zone.
///
/// Dates in plans are days, not instants: `2026-12-31` is the whole of that day wherever you are.
/// Day arithmetic is exact (`adding(days:)`, `days(from:)`), so durations in days never depend on
/// time zones or daylight saving.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Days since 1970-01-01 (that day is 0).
  public let dayNumber: Int

  /// The day `dayNumber` days after 1970-01-01.
  public init(dayNumber: Int) { self.dayNumber = dayNumber }

  /// The given day, or nil if it does not exist (e.g. 2025-02-30).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= Self.daysInMonth(year: year, month: month) else {
      return nil
    }
    // Days from civil (H. Hinnant's algorithm), exact for the proleptic Gregorian calendar.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    dayNumber = era * 146_097 + dayOfEra - 719_468
  }

  /// Parses exactly `YYYY-MM-DD` (ISO 8601 calendar date, four-digit year); nil otherwise.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// Year, month (1–12) and day of month (1–31).
  public var components: (year: Int, month: Int, day: Int) {
    // Civil from days (H. Hinnant).
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  /// The date `days` days later (earlier if negative).
  public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

  /// The first and last day a plan or record can name (four-digit years).
  public static let earliest = CalendarDate(year: 0, month: 1, day: 1)!
  public static let latest = CalendarDate(year: 9999, month: 12, day: 31)!

  /// The date `days` (a whole number) days later, or nil if `days` is not finite or the date would
  /// fall outside `earliest...latest` (never traps, whatever the number).
  public func adding(wholeDays days: Double) -> CalendarDate? {
    let span = Double(Self.latest.dayNumber - Self.earliest.dayNumber)
    guard days.isFinite, abs(days) <= span else { return nil }
    let date = adding(days: Int(days.rounded()))
    return (Self.earliest...Self.latest).contains(date) ? date : nil
  }

  /// Whole days from `other` to this date (positive if this date is later).
  public func days(from other: CalendarDate) -> Int { dayNumber - other.dayNumber }

  /// `YYYY-MM-DD`.
  public var description: String {
    let (y, m, d) = components
    return "\(Self.pad(y, 4))-\(Self.pad(m, 2))-\(Self.pad(d, 2))"
  }

  /// `YYYYMMDD` (iCalendar DATE value).
  public var basicFormat: String {
    let (y, m, d) = components
    return "\(Self.pad(y, 4))\(Self.pad(m, 2))\(Self.pad(d, 2))"
  }

  public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }

  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2:
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
