import Foundation
import KredsModel

/// A wall-clock reading to the second: a day and the seconds since its midnight.
struct WallClockTime: Hashable, Sendable, Comparable {
  var date: LocalDate
  var secondsOfDay: Int

  /// The reading of a clock `offset` seconds ahead of UTC at `instant`. Whole seconds only, rounded
  /// down, because iCalendar has no fractions.
  init(_ instant: Date, offset: Int) {
    let total = Int(instant.timeIntervalSince1970.rounded(.down)) + offset
    let days = Int((Double(total) / 86_400).rounded(.down))
    date = LocalDate(daysSinceEpoch: days)
    secondsOfDay = total - days * 86_400
  }

  init(date: LocalDate, secondsOfDay: Int) {
    self.date = date
    self.secondsOfDay = secondsOfDay
  }

  /// The instant this reading names on a clock `offset` seconds ahead of UTC.
  func instant(offset: Int) -> Date {
    Date(timeIntervalSince1970: Double(date.daysSinceEpoch * 86_400 + secondsOfDay - offset))
  }

  static func < (lhs: WallClockTime, rhs: WallClockTime) -> Bool {
    (lhs.date, lhs.secondsOfDay) < (rhs.date, rhs.secondsOfDay)
  }
}

/// The DATE, DATE-TIME and UTC-OFFSET value forms of RFC 5545 (sections 3.3.4, 3.3.5, 3.3.14).
enum ICalDateValue {
  /// `yyyyMMdd`.
  static func date(_ date: LocalDate) -> String {
    LocalDate.pad(date.year, 4) + LocalDate.pad(date.month, 2) + LocalDate.pad(date.day, 2)
  }

  /// `yyyyMMddTHHmmss`: a local time, to be written with `TZID` (or in a `VTIMEZONE`).
  static func local(_ time: WallClockTime) -> String {
    let seconds = time.secondsOfDay
    return date(time.date) + "T" + LocalDate.pad(seconds / 3600, 2)
      + LocalDate.pad(seconds / 60 % 60, 2) + LocalDate.pad(seconds % 60, 2)
  }

  /// `yyyyMMddTHHmmss` of a day and a time of day (seconds zero).
  static func local(_ date: LocalDate, _ time: LocalTime) -> String {
    local(WallClockTime(date: date, secondsOfDay: time.minutesSinceMidnight * 60))
  }

  /// `yyyyMMddTHHmmssZ`: an instant in UTC.
  static func utc(_ instant: Date) -> String {
    local(WallClockTime(instant, offset: 0)) + "Z"
  }

  /// `+hhmm`, or `+hhmmss` when the offset has seconds (some zones' historic local mean time).
  /// Zero is `+0000`: RFC 5545 forbids `-0000`.
  static func offset(_ seconds: Int) -> String {
    let magnitude = abs(seconds)
    var text =
      (seconds < 0 ? "-" : "+") + LocalDate.pad(magnitude / 3600, 2)
      + LocalDate.pad(magnitude / 60 % 60, 2)
    if magnitude % 60 != 0 { text += LocalDate.pad(magnitude % 60, 2) }
    return text
  }
}
