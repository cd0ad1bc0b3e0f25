import Foundation
import KredsModel

/// Writes a `CalendarDocument` as an RFC 5545 file (with RFC 7986 properties): CRLF line ends,
/// lines folded at 75 octets, times always with `TZID` and a `VTIMEZONE` for each zone.
/// Properties come in a fixed order, so the same document always gives the same bytes.
///
/// `UNTIL` in a rule is rewritten to the form RFC 5545 section 3.3.10 demands, and to end the
/// series where `RecurrenceExpander` ends it, so the file and the site list the same meetings:
/// - timed event, `UNTIL` a date, or a local date and time: the end of that local day
///   (23:59:59 in the event's zone) as UTC, `yyyyMMddTHHmmssZ` (the expander reads such an
///   `UNTIL` as its day);
/// - timed event, `UNTIL` in UTC: kept;
/// - whole-day event, `UNTIL` a date: kept;
/// - whole-day event, `UNTIL` with a time: the date alone; for a UTC time, the last local day
///   that starts at or before it.
public enum ICalWriter {
  /// The complete file.
  public static func write(_ document: CalendarDocument) -> String {
    var lines: [ICalContentLine] = [
      ICalContentLine("BEGIN", "VCALENDAR"),
      ICalContentLine("VERSION", "2.0"),
      ICalContentLine("PRODID", ICalContentLine.text(document.productID)),
      ICalContentLine("CALSCALE", "GREGORIAN"),
      ICalContentLine("METHOD", "PUBLISH"),
    ]
    if let name = document.name {
      lines.append(ICalContentLine("NAME", ICalContentLine.text(name)))
      lines.append(ICalContentLine("X-WR-CALNAME", ICalContentLine.text(name)))
    }
    if let description = document.description {
      lines.append(ICalContentLine("DESCRIPTION", ICalContentLine.text(description)))
      lines.append(ICalContentLine("X-WR-CALDESC", ICalContentLine.text(description)))
    }
    lines.append(
      ICalContentLine("X-WR-TIMEZONE", ICalContentLine.text(document.defaultTimeZone.identifier)))
    if document.name != nil {
      let interval = ICalContentLine.uri(document.refreshInterval)
      lines.append(
        ICalContentLine(
          "REFRESH-INTERVAL", parameters: [.init(name: "VALUE", value: "DURATION")], interval))
      lines.append(ICalContentLine("X-PUBLISHED-TTL", interval))
    }
    if document.events.isEmpty {
      let date = document.emptyCalendarDate
      lines += TimeZoneRules.lines(for: document.defaultTimeZone, from: date, through: date)
    }
    for (zone, span) in zoneSpans(of: document.events) {
      lines += TimeZoneRules.lines(for: zone, from: span.lowerBound, through: span.upperBound)
    }
    for event in document.events { lines += self.lines(of: event) }
    lines.append(ICalContentLine("END", "VCALENDAR"))
    var bytes: [UInt8] = []
    for line in lines { line.fold(into: &bytes) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Each zone the events use, by identifier, with the span its `VTIMEZONE` must cover.
  private static func zoneSpans(of events: [CalendarEvent]) -> [(TimeZone, ClosedRange<Date>)] {
    var spans: [String: (zone: TimeZone, start: Date, end: Date)] = [:]
    for event in events {
      let start = event.start.instant(in: event.timeZone)
      let end = max(event.lastOccurrenceEnd, event.firstEndInstant, start)
      let identifier = event.timeZone.identifier
      if let known = spans[identifier] {
        spans[identifier] = (known.zone, min(known.start, start), max(known.end, end))
      } else {
        spans[identifier] = (event.timeZone, start, end)
      }
    }
    return spans.keys.sorted().compactMap { identifier in
      spans[identifier].map { ($0.zone, $0.start...$0.end) }
    }
  }

  private static func lines(of event: CalendarEvent) -> [ICalContentLine] {
    let zoneParameter = ICalContentLine.Parameter(
      name: "TZID", value: ICalContentLine.parameterValue(event.timeZone.identifier))
    let dateParameter = ICalContentLine.Parameter(name: "VALUE", value: "DATE")
    var lines = [
      ICalContentLine("BEGIN", "VEVENT"),
      ICalContentLine("UID", ICalContentLine.text(event.uid)),
      ICalContentLine("DTSTAMP", ICalDateValue.utc(event.stamp)),
    ]
    if let startTime = event.start.time {
      lines.append(
        ICalContentLine(
          "DTSTART", parameters: [zoneParameter],
          ICalDateValue.local(event.start.date, startTime)))
      // RFC 5545 wants DTEND after DTSTART; without one the event is an instant, which is the
      // nearest honest reading of an end at or before the start.
      if event.firstEndInstant > event.start.instant(in: event.timeZone) {
        let end =
          event.end.time.map { ICalDateValue.local(event.end.date, $0) }
          ?? ICalDateValue.local(event.end.date.adding(days: 1), LocalTime(hour: 0, minute: 0))
        lines.append(ICalContentLine("DTEND", parameters: [zoneParameter], end))
      }
    } else {
      let lastDay = max(event.end.date, event.start.date)
      lines.append(
        ICalContentLine(
          "DTSTART", parameters: [dateParameter], ICalDateValue.date(event.start.date)))
      lines.append(
        ICalContentLine(
          "DTEND", parameters: [dateParameter], ICalDateValue.date(lastDay.adding(days: 1))))
    }
    lines.append(ICalContentLine("SUMMARY", ICalContentLine.text(event.summary)))
    if let description = event.description {
      lines.append(ICalContentLine("DESCRIPTION", ICalContentLine.text(description)))
    }
    if let url = event.url { lines.append(ICalContentLine("URL", ICalContentLine.uri(url))) }
    if let location = event.location {
      lines.append(ICalContentLine("LOCATION", ICalContentLine.text(location)))
    }
    lines.append(ICalContentLine("STATUS", event.status.rawValue))
    lines.append(ICalContentLine("SEQUENCE", String(event.sequence)))
    let categories = event.categories.filter { !$0.isEmpty }
    if !categories.isEmpty {
      lines.append(
        ICalContentLine(
          "CATEGORIES", categories.map(ICalContentLine.text).joined(separator: ",")))
    }
    if let organizer = event.organizer {
      let parameters = organizer.name.map {
        [
          ICalContentLine.Parameter(
            name: "CN", value: ICalContentLine.parameterValue($0, alwaysQuoted: true))
        ]
      }
      lines.append(
        ICalContentLine(
          "ORGANIZER", parameters: parameters ?? [],
          "mailto:" + ICalContentLine.uri(organizer.email)))
    }
    if let rule = event.recurrenceRule {
      lines.append(ICalContentLine("RRULE", recurrenceRule(rule, of: event)))
      for day in Set(event.exceptionDates).sorted() {
        if let startTime = event.start.time {
          lines.append(
            ICalContentLine(
              "EXDATE", parameters: [zoneParameter], ICalDateValue.local(day, startTime)))
        } else {
          lines.append(
            ICalContentLine("EXDATE", parameters: [dateParameter], ICalDateValue.date(day)))
        }
      }
    }
    if let conference = event.conference {
      var parameters: [ICalContentLine.Parameter] = [
        .init(name: "VALUE", value: "URI"), .init(name: "FEATURE", value: "AUDIO,VIDEO"),
      ]
      if let label = conference.label {
        parameters.append(
          .init(name: "LABEL", value: ICalContentLine.parameterValue(label, alwaysQuoted: true)))
      }
      lines.append(
        ICalContentLine("CONFERENCE", parameters: parameters, ICalContentLine.uri(conference.url)))
    }
    if let lastModified = event.lastModified {
      lines.append(ICalContentLine("LAST-MODIFIED", ICalDateValue.utc(lastModified)))
    }
    lines.append(ICalContentLine("END", "VEVENT"))
    return lines
  }

  /// `rule` with its `UNTIL` rewritten as the type documentation describes.
  static func recurrenceRule(_ rule: String, of event: CalendarEvent) -> String {
    let parts = rule.split(separator: ";", omittingEmptySubsequences: false).map { part in
      let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard pieces.count == 2, pieces[0].uppercased() == "UNTIL",
        let until = Until(String(pieces[1]))
      else { return String(part) }
      return "UNTIL=" + untilValue(until, of: event)
    }
    return ICalContentLine.uri(parts.joined(separator: ";"))
  }

  private static func untilValue(_ until: Until, of event: CalendarEvent) -> String {
    let zone = event.timeZone
    guard event.start.time != nil else {
      guard let instant = until.utcInstant else { return ICalDateValue.date(until.date) }
      // The last local day starting at or before the instant, as RecurrenceExpander counts.
      var day = until.date.adding(days: 1)
      while LocalDateTime(date: day, time: nil).instant(in: zone) > instant {
        day = day.adding(days: -1)
      }
      return ICalDateValue.date(day)
    }
    if let instant = until.utcInstant { return ICalDateValue.utc(instant) }
    // One second before the next local midnight is 23:59:59 even on a day a change skips.
    let nextMidnight = LocalDateTime(date: until.date.adding(days: 1), time: nil).instant(in: zone)
    return ICalDateValue.utc(nextMidnight.addingTimeInterval(-1))
  }

  /// An `UNTIL` value: `yyyyMMdd`, `yyyyMMddTHHmmss` or `yyyyMMddTHHmmssZ`.
  private struct Until {
    var date: LocalDate
    /// Set for a date and time in UTC.
    var utcInstant: Date?

    init?(_ text: String) {
      let characters = Array(text)
      guard characters.count == 8 || characters.count == 15 || characters.count == 16,
        characters.enumerated().allSatisfy({ index, character in
          index == 8
            ? character == "T"
            : index == 15
              ? character == "Z"
              : character.isASCII
                && character.isNumber
        }),
        let year = Int(String(characters[0..<4])), let month = Int(String(characters[4..<6])),
        let day = Int(String(characters[6..<8])), (1...12).contains(month),
        (1...LocalDate.daysIn(month: month, year: year)).contains(day)
      else { return nil }
      date = LocalDate(year: year, month: month, day: day)
      guard characters.count == 16, let hour = Int(String(characters[9..<11])),
        let minute = Int(String(characters[11..<13])),
        let second = Int(String(characters[13..<15]))
      else { return }
      utcInstant = WallClockTime(
        date: date, secondsOfDay: hour * 3600 + minute * 60 + second
      ).instant(offset: 0)
    }
  }
}
