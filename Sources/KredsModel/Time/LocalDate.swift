import Foundation
import Synchronization

/// A calendar day with no time zone: `YYYY-MM-DD`.
public struct LocalDate: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`, checking that the day exists (no 30 February).
  public init?(parsing text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
    else { return nil }
    guard (1...12).contains(month), (1...LocalDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  public var description: String {
    "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
  }

  public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// Days since 1970-01-01 (proleptic Gregorian), for day arithmetic without a calendar object.
  public var daysSinceEpoch: Int {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let m = month
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  public init(daysSinceEpoch days: Int) {
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
  }

  public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }

  /// The ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday),
  /// as Danish calendars print it ("uge 12").
  public var isoWeekNumber: Int {
    let thursday = adding(days: 4 - isoWeekday)
    let dayOfYear =
      thursday.daysSinceEpoch - LocalDate(year: thursday.year, month: 1, day: 1).daysSinceEpoch
    return dayOfYear / 7 + 1
  }

  /// ISO weekday: 1 = Monday … 7 = Sunday.
  public var isoWeekday: Int {
    let d = (daysSinceEpoch + 3) % 7  // 1970-01-01 was a Thursday (ISO 4)
    return (d < 0 ? d + 7 : d) + 1
  }

  /// `value` with leading zeros to `width` digits.
  public static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }
}

/// A time of day, `HH:MM`, 24-hour.
public struct LocalTime: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var hour: Int
  public var minute: Int

  public init(hour: Int, minute: Int) {
    self.hour = hour
    self.minute = minute
  }

  /// Parses `HH:MM`, exactly as CONTENT.md writes it.
  public init?(parsing text: String) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour),
      (0...59).contains(minute)
    else { return nil }
    self.init(hour: hour, minute: minute)
  }

  public var description: String { "\(LocalDate.pad(hour, 2)):\(LocalDate.pad(minute, 2))" }

  public var minutesSinceMidnight: Int { hour * 60 + minute }

  public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
    lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
  }
}

/// A content `datetime`: a day with a time of day, or a day alone for a whole-day event.
/// It has no zone of its own: the item's time zone gives it an instant.
public struct LocalDateTime: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var date: LocalDate
  /// Nil for a whole day.
  public var time: LocalTime?

  public init(date: LocalDate, time: LocalTime?) {
    self.date = date
    self.time = time
  }

  /// Parses `YYYY-MM-DD HH:MM` or `YYYY-MM-DD`, exactly as CONTENT.md writes them.
  public init?(parsing text: String) {
    if let date = LocalDate(parsing: text) {
      self.init(date: date, time: nil)
      return
    }
    let parts = text.split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 2, let date = LocalDate(parsing: String(parts[0])),
      let time = LocalTime(parsing: String(parts[1]))
    else { return nil }
    self.init(date: date, time: time)
  }

  /// The content form of a date and time written another common way (`2023-01-25T09:00`,
  /// `2023-01-25 9:00`, `2023-01-25 09:00:00`), for a message that shows what to write instead.
  public static func suggestion(for text: String) -> String? {
    var candidate = text.replacingOccurrences(of: "T", with: " ")
    if candidate.count == 19, candidate.hasSuffix(":00") { candidate.removeLast(3) }
    let parts = candidate.split(separator: " ")
    guard parts.count == 2, LocalDate(parsing: String(parts[0])) != nil else { return nil }
    var time = String(parts[1])
    if time.count == 4, time.dropFirst().first == ":" { time = "0" + time }
    if let value = LocalDateTime(parsing: "\(parts[0]) \(time)"), value.description != text {
      return value.description
    }
    return nil
  }

  public var isWholeDay: Bool { time == nil }

  public var description: String {
    time.map { "\(date) \($0)" } ?? date.description
  }

  public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
    if lhs.date != rhs.date { return lhs.date < rhs.date }
    return (lhs.time?.minutesSinceMidnight ?? -1) < (rhs.time?.minutesSinceMidnight ?? -1)
  }

  /// False for a time a daylight-saving change skips, such as 02:30 on the last Sunday of March
  /// in Copenhagen.
  public func exists(in zone: TimeZone) -> Bool {
    guard let time else { return true }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let components = calendar.dateComponents([.hour, .minute, .day], from: instant(in: zone))
    return components.hour == time.hour && components.minute == time.minute
      && components.day == date.day
  }

  /// The instant this local time names in `zone`. Whole days start at midnight. A time that a
  /// daylight-saving change skips is moved forward by the gap, as calendar apps do.
  public func instant(in zone: TimeZone) -> Date {
    let key = InstantKey(zone: zone.identifier, local: self)
    if let known = knownInstants.withLock({ $0[key] }) { return known }
    let instant = calendarInstant(in: zone)
    knownInstants.withLock { known in
      if known.count >= InstantKey.limit { known.removeAll(keepingCapacity: true) }
      known[key] = instant
    }
    return instant
  }

  private func calendarInstant(in zone: TimeZone) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let components = DateComponents(
      year: date.year, month: date.month, day: date.day, hour: time?.hour ?? 0,
      minute: time?.minute ?? 0)
    if let instant = calendar.date(from: components) { return instant }
    // Calendar.date(from:) only fails for impossible components, which parsing excludes.
    return Date(timeIntervalSince1970: Double(date.daysSinceEpoch) * 86_400)
  }
}

extension LocalDateTime {
  /// The wall-clock date and minute of `instant` in `zone`.
  public init(instant: Date, in zone: TimeZone) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
    self.init(
      date: LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1),
      time: LocalTime(hour: parts.hour ?? 0, minute: parts.minute ?? 0))
  }
}

/// Instants already worked out: `Calendar.date(from:)` takes microseconds, and the same
/// meetings are converted by every step of a build and again by every rebuild in `serve`.
private let knownInstants = Mutex<[InstantKey: Date]>([:])

private struct InstantKey: Hashable {
  /// More than any site has meetings; past it the table starts again, so it cannot grow without end.
  static let limit = 200_000

  var zone: String
  var local: LocalDateTime
}
