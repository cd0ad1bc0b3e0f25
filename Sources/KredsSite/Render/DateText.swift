import Foundation

/// Dates and times written as a Danish or English reader expects ("onsdag 25. januar 2023,
/// kl. 9.00–11.00"), through Foundation's formatters with the language's locale. Not shared
/// between threads: each render task makes its own.
///
/// The names of months and weekdays come from ICU through `DateFormatter`, asked once per
/// name when a `DateText` is made; the dates are then put together here. Formatting every date
/// through ICU was a few percent of a large build.
final class DateText {
  let language: Language
  /// Monday first.
  private let weekdayNames: [String]
  /// January first.
  private let monthNames: [String]
  private let shortMonthNames: [String]

  init(language: Language) {
    self.language = language
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: language == .da ? "da_DK" : "en_GB")
    formatter.calendar = Calendar(identifier: .gregorian)
    formatter.timeZone = TimeZone(identifier: "UTC")
    func names(_ format: String, _ dates: [LocalDate]) -> [String] {
      formatter.dateFormat = format
      return dates.map { formatter.string(from: Self.noon($0)) }
    }
    // 1 January 2024 was a Monday.
    weekdayNames = names("EEEE", (1...7).map { LocalDate(year: 2024, month: 1, day: $0) })
    let months = (1...12).map { LocalDate(year: 2024, month: $0, day: 1) }
    monthNames = names("MMMM", months)
    shortMonthNames = names("MMM", months)
  }

  /// A local calendar day as a date at noon UTC, so formatting in UTC shows that very day.
  private static func noon(_ date: LocalDate) -> Date {
    Date(timeIntervalSince1970: Double(date.daysSinceEpoch) * 86_400 + 43_200)
  }

  private func weekday(_ date: LocalDate) -> String {
    // 1 January 1970 was a Thursday, the fourth day of a week that starts on Monday.
    weekdayNames[((date.daysSinceEpoch % 7) + 7 + 3) % 7]
  }

  /// "onsdag 25. januar", "Wednesday 25 January".
  private func dayAndMonth(_ date: LocalDate) -> String {
    language == .da
      ? "\(weekday(date)) \(date.day). \(monthNames[date.month - 1])"
      : "\(weekday(date)) \(date.day) \(monthNames[date.month - 1])"
  }

  /// "onsdag 25. januar 2023".
  func long(_ date: LocalDate) -> String { "\(dayAndMonth(date)) \(date.year)" }

  /// "jan.".
  func monthShort(_ date: LocalDate) -> String { shortMonthNames[date.month - 1] }

  /// "januar 2023".
  func monthAndYear(_ date: LocalDate) -> String { "\(monthNames[date.month - 1]) \(date.year)" }

  /// Monday to Sunday, full names and abbreviations, written out rather than taken from the
  /// system's locale data so that output does not change with the ICU version.
  var weekdays: [(name: String, short: String)] {
    language == .da
      ? [
        ("mandag", "man"), ("tirsdag", "tir"), ("onsdag", "ons"), ("torsdag", "tor"),
        ("fredag", "fre"), ("lørdag", "lør"), ("søndag", "søn"),
      ]
      : [
        ("Monday", "Mon"), ("Tuesday", "Tue"), ("Wednesday", "Wed"), ("Thursday", "Thu"),
        ("Friday", "Fri"), ("Saturday", "Sat"), ("Sunday", "Sun"),
      ]
  }

  /// "9.00" in Danish, "09:00" in English.
  func time(_ time: LocalTime) -> String {
    language == .da
      ? "\(time.hour).\(LocalDate.pad(time.minute, 2))"
      : "\(LocalDate.pad(time.hour, 2)):\(LocalDate.pad(time.minute, 2))"
  }

  /// "kl. 9.00–11.00"; empty for whole days.
  func timeRange(start: LocalDateTime, end: LocalDateTime) -> String {
    guard let startTime = start.time else { return "" }
    let prefix = language == .da ? "kl. " : ""
    guard let endTime = end.time, end.date == start.date else { return prefix + time(startTime) }
    return prefix + time(startTime) + "–" + time(endTime)
  }

  /// The whole "when" as one phrase, covering whole days and events over several days.
  func when(start: LocalDateTime, end: LocalDateTime) -> String {
    if end.date == start.date {
      let range = timeRange(start: start, end: end)
      return range.isEmpty ? long(start.date) : "\(long(start.date)), \(range)"
    }
    let at = language == .da ? " kl. " : ", "
    if let startTime = start.time, let endTime = end.time {
      return "\(long(start.date))\(at)\(time(startTime)) – \(long(end.date))\(at)\(time(endTime))"
    }
    if start.date.year == end.date.year {
      return "\(dayAndMonth(start.date)) – \(long(end.date))"
    }
    return "\(long(start.date)) – \(long(end.date))"
  }

  /// A date with an optional time, for deadlines and publication dates.
  func dateTime(_ value: LocalDateTime) -> String {
    guard let timeOfDay = value.time else { return long(value.date) }
    return language == .da
      ? "\(long(value.date)) kl. \(time(timeOfDay))" : "\(long(value.date)), \(time(timeOfDay))"
  }

  /// ISO 8601 for `<time datetime>` and feeds: `2023-01-25T09:00:00+01:00`, or the day alone.
  func iso(_ value: LocalDateTime, in zone: TimeZone) -> String {
    guard value.time != nil else { return value.date.description }
    return Self.isoInstant(value.instant(in: zone), zone: zone)
  }

  /// RFC 3339 with the zone's offset at that instant.
  static func isoInstant(_ instant: Date, zone: TimeZone) -> String {
    let offset = zone.secondsFromGMT(for: instant)
    let local = LocalDate(
      daysSinceEpoch: Int(
        ((instant.timeIntervalSince1970 + Double(offset)) / 86_400).rounded(.down)))
    let secondsOfDay =
      Int((instant.timeIntervalSince1970 + Double(offset)).rounded(.down)) - local.daysSinceEpoch
      * 86_400
    let sign = offset < 0 ? "-" : "+"
    let hours = abs(offset) / 3600
    let minutes = abs(offset) % 3600 / 60
    return
      "\(local)T\(LocalDate.pad(secondsOfDay / 3600, 2)):\(LocalDate.pad(secondsOfDay % 3600 / 60, 2)):\(LocalDate.pad(secondsOfDay % 60, 2))\(sign)\(LocalDate.pad(hours, 2)):\(LocalDate.pad(minutes, 2))"
  }
}
