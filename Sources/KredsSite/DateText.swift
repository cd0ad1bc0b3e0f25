import Foundation

/// Dates and times written as a Danish or English reader expects ("onsdag 25. januar 2023,
/// kl. 9.00–11.00"), through Foundation's formatters with the language's locale. Not shared
/// between threads: each render task makes its own.
final class DateText {
  let language: Language
  private let weekdayDate: DateFormatter
  private let shortMonth: DateFormatter
  private let monthYear: DateFormatter
  private let dayMonth: DateFormatter
  private let utc = TimeZone(identifier: "UTC") ?? .current

  init(language: Language) {
    self.language = language
    let locale = Locale(identifier: language == .da ? "da_DK" : "en_GB")
    func formatter(_ format: String) -> DateFormatter {
      let formatter = DateFormatter()
      formatter.locale = locale
      formatter.calendar = Calendar(identifier: .gregorian)
      formatter.timeZone = TimeZone(identifier: "UTC")
      formatter.dateFormat = format
      return formatter
    }
    weekdayDate = formatter(language == .da ? "EEEE d. MMMM y" : "EEEE d MMMM y")
    shortMonth = formatter("MMM")
    monthYear = formatter("MMMM y")
    dayMonth = formatter(language == .da ? "EEEE d. MMMM" : "EEEE d MMMM")
  }

  /// A local calendar day as a date at noon UTC, so formatting in UTC shows that very day.
  private func noon(_ date: LocalDate) -> Date {
    Date(timeIntervalSince1970: Double(date.daysSinceEpoch) * 86_400 + 43_200)
  }

  /// "onsdag 25. januar 2023".
  func long(_ date: LocalDate) -> String { weekdayDate.string(from: noon(date)) }

  /// "jan.".
  func monthShort(_ date: LocalDate) -> String { shortMonth.string(from: noon(date)) }

  /// "januar 2023".
  func monthAndYear(_ date: LocalDate) -> String { monthYear.string(from: noon(date)) }

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
      return "\(dayMonth.string(from: noon(start.date))) – \(long(end.date))"
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
    return isoInstant(value.instant(in: zone), zone: zone)
  }

  /// RFC 3339 with the zone's offset at that instant.
  func isoInstant(_ instant: Date, zone: TimeZone) -> String {
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
