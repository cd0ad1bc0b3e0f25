import Foundation
import KredsModel
import Testing

@testable import KredsCalendar

@Suite struct ICalWriterTests {
  let copenhagen = TimeZone(identifier: "Europe/Copenhagen")!
  let stamp = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z

  func event(
    start: String = "2027-03-17 08:30", end: String = "2027-03-17 10:00",
    rule: String? = nil, exceptions: [String] = [],
    configure: (inout CalendarEvent) -> Void = { _ in }
  ) -> CalendarEvent {
    let start = LocalDateTime(parsing: start)!
    let end = LocalDateTime(parsing: end)!
    var event = CalendarEvent(
      uid: "event-1@example.org", stamp: stamp, start: start, end: end, timeZone: copenhagen,
      summary: "Netværksmøde", recurrenceRule: rule,
      exceptionDates: exceptions.map { LocalDate(parsing: $0)! },
      lastOccurrenceEnd: end.instant(in: copenhagen))
    configure(&event)
    return event
  }

  func document(_ events: [CalendarEvent], name: String? = "Kalender") -> CalendarDocument {
    CalendarDocument(
      name: name, defaultTimeZone: copenhagen, productID: "-//Kreds//Kreds 0.1//DA",
      events: events)
  }

  /// The content lines of a file, unfolded.
  func contentLines(_ file: String) -> [String] {
    var lines: [String] = []
    for physical in file.components(separatedBy: "\r\n") where !physical.isEmpty {
      if physical.hasPrefix(" "), let last = lines.popLast() {
        lines.append(last + physical.dropFirst())
      } else {
        lines.append(physical)
      }
    }
    return lines
  }

  func physicalLines(_ file: String) -> [[UInt8]] {
    var lines: [[UInt8]] = [[]]
    let bytes = Array(file.utf8)
    var index = 0
    while index < bytes.count {
      if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
        lines.append([])
        index += 2
      } else {
        lines[lines.count - 1].append(bytes[index])
        index += 1
      }
    }
    return lines
  }

  // MARK: Folding

  @Test func lineOfExactly75OctetsIsNotFolded() {
    let line = ICalContentLine("SUMMARY", String(repeating: "a", count: 75 - "SUMMARY:".count))
    #expect(line.unfolded.utf8.count == 75)
    #expect(line.folded == line.unfolded + "\r\n")
  }

  @Test func lineOf76OctetsFoldsAfter75() {
    let line = ICalContentLine("SUMMARY", String(repeating: "a", count: 76 - "SUMMARY:".count))
    let physical = line.folded.components(separatedBy: "\r\n")
    #expect(physical.map(\.utf8.count) == [75, 2, 0])
    #expect(physical[1] == " a")
  }

  @Test func multiByteTextFoldsBetweenCharacters() throws {
    let text = String(repeating: "ÆØÅ æøå 😀 👍🏽 👨‍👩‍👧 e\u{301} ", count: 12)
    let file = ICalWriter.write(document([event { $0.description = text }]))
    for line in physicalLines(file) {
      #expect(line.count <= 75)
      #expect(String(validating: line, as: UTF8.self) != nil, "\(line)")
    }
    let description = try #require(contentLines(file).first { $0.hasPrefix("DESCRIPTION:") })
    #expect(description == "DESCRIPTION:" + text)
    // Emoji with modifiers and letters with combining accents are never split either.
    let folded = ICalContentLine("DESCRIPTION", text).folded
    for line in folded.components(separatedBy: "\r\n ") {
      let trimmed = line.hasSuffix("\r\n") ? String(line.dropLast(2)) : line
      #expect(!trimmed.unicodeScalars.first!.properties.isGraphemeExtend)
      #expect(trimmed.unicodeScalars.first != "\u{200D}")
      #expect(!(trimmed.unicodeScalars.first!.properties.isEmojiModifier))
    }
  }

  @Test func aGraphemeTooLongForALineIsSplitBetweenScalars() {
    let tower = "a" + String(repeating: "\u{301}", count: 60)  // 121 octets, one Character
    let folded = ICalContentLine("SUMMARY", tower).folded
    for line in physicalLines(folded) {
      #expect(line.count <= 75)
      #expect(String(validating: line, as: UTF8.self) != nil)
    }
  }

  @Test func escapesAreNotSplitByAFold() {
    let value = ICalContentLine.text(String(repeating: ",", count: 80))
    let physical = ICalContentLine("SUMMARY", value).folded.components(separatedBy: "\r\n")
    #expect(physical.allSatisfy { !$0.hasSuffix("\\") || $0.hasSuffix("\\\\") })
    #expect(physical.dropFirst().allSatisfy { $0.isEmpty || $0.hasPrefix(" \\") })
  }

  // MARK: Escaping

  @Test func escapesTextValues() {
    #expect(
      ICalContentLine.text("a,b;c\\d\ne\r\nf\rg:\"h\"\ti\u{7}j")
        == "a\\,b\\;c\\\\d\\ne\\nf\\ng:\"h\"\ti" + "j")
  }

  @Test func parameterValuesAreQuotedWithoutDoubleQuotes() {
    #expect(ICalContentLine.parameterValue("Europe/Copenhagen") == "Europe/Copenhagen")
    #expect(
      ICalContentLine.parameterValue("Hansen, Ida: \"formand\"") == "\"Hansen, Ida: formand\"")
    #expect(ICalContentLine.parameterValue("Ida", alwaysQuoted: true) == "\"Ida\"")
    #expect(ICalContentLine.parameterValue("a\nb") == "a b")
  }

  @Test func organizerAndConferenceParameters() {
    let file = ICalWriter.write(
      document([
        event {
          $0.organizer = .init(name: "Hansen; \"Ida\"", email: "ida@example.org")
          $0.conference = .init(url: "https://meet.example.org/abc", label: "Deltag online")
        }
      ]))
    let lines = contentLines(file)
    #expect(lines.contains("ORGANIZER;CN=\"Hansen; Ida\":mailto:ida@example.org"))
    #expect(
      lines.contains(
        "CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL=\"Deltag online\":https://meet.example.org/abc"
      ))
  }

  @Test func categoriesAreEscapedOneByOne() {
    let file = ICalWriter.write(document([event { $0.categories = ["mad, drikke", "", "møde"] }]))
    #expect(contentLines(file).contains("CATEGORIES:mad\\, drikke,møde"))
  }

  // MARK: Lines and structure

  @Test func everyLineEndsWithCRLF() {
    let file = ICalWriter.write(
      document([event { $0.description = "one\ntwo\r\nthree\rfour" }]))
    let bytes = Array(file.utf8)
    for (index, byte) in bytes.enumerated() {
      if byte == 10 { #expect(index > 0 && bytes[index - 1] == 13) }
      if byte == 13 { #expect(index + 1 < bytes.count && bytes[index + 1] == 10) }
    }
    #expect(file.hasSuffix("END:VCALENDAR\r\n"))
  }

  @Test func feedHeader() {
    let lines = contentLines(ICalWriter.write(document([event()])))
    #expect(
      Array(lines.prefix(11)) == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Kreds//Kreds 0.1//DA",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "NAME:Kalender",
        "X-WR-CALNAME:Kalender",
        "X-WR-TIMEZONE:Europe/Copenhagen",
        "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
        "X-PUBLISHED-TTL:PT12H",
        "BEGIN:VTIMEZONE",
      ])
  }

  @Test func singleEventFileHasNoCalendarName() {
    let lines = contentLines(ICalWriter.write(document([event()], name: nil)))
    #expect(!lines.contains { $0.hasPrefix("NAME") || $0.hasPrefix("X-WR-CALNAME") })
    #expect(!lines.contains { $0.hasPrefix("REFRESH-INTERVAL") || $0.hasPrefix("X-PUBLISHED-TTL") })
    #expect(lines.contains("X-WR-TIMEZONE:Europe/Copenhagen"))
  }

  @Test func timedEventHasZonedTimesInFixedOrder() {
    let file = ICalWriter.write(
      document([
        event {
          $0.lastModified = Date(timeIntervalSince1970: 1_799_996_400)
          $0.description = "Kaffe og kage\nhttps://example.org/e"
          $0.url = "https://example.org/e"
          $0.location = "Huset, Vestergade 1, 8000 Aarhus C"
          $0.status = .tentative
          $0.sequence = 2
        }
      ]))
    let lines = contentLines(file)
    let start = lines.firstIndex(of: "BEGIN:VEVENT") ?? 0
    #expect(
      Array(lines[start...]) == [
        "BEGIN:VEVENT",
        "UID:event-1@example.org",
        "DTSTAMP:20270115T080000Z",
        "DTSTART;TZID=Europe/Copenhagen:20270317T083000",
        "DTEND;TZID=Europe/Copenhagen:20270317T100000",
        "SUMMARY:Netværksmøde",
        "DESCRIPTION:Kaffe og kage\\nhttps://example.org/e",
        "URL:https://example.org/e",
        "LOCATION:Huset\\, Vestergade 1\\, 8000 Aarhus C",
        "STATUS:TENTATIVE",
        "SEQUENCE:2",
        "LAST-MODIFIED:20270115T070000Z",
        "END:VEVENT",
        "END:VCALENDAR",
      ])
    #expect(lines.contains("TZID:Europe/Copenhagen"))
  }

  @Test func wholeDayEventEndsTheDayAfterItsLastDay() {
    let lines = contentLines(
      ICalWriter.write(document([event(start: "2027-04-30", end: "2027-05-01")])))
    #expect(lines.contains("DTSTART;VALUE=DATE:20270430"))
    #expect(lines.contains("DTEND;VALUE=DATE:20270502"))
    let oneDay = contentLines(
      ICalWriter.write(document([event(start: "2027-12-31", end: "2027-12-31")])))
    #expect(oneDay.contains("DTEND;VALUE=DATE:20280101"))
  }

  @Test func timedStartWithADayAsEndEndsAtThatDaysClose() {
    let lines = contentLines(
      ICalWriter.write(document([event(start: "2027-03-17 18:00", end: "2027-03-18")])))
    #expect(lines.contains("DTEND;TZID=Europe/Copenhagen:20270319T000000"))
  }

  @Test func seriesHasRuleAndExceptions() {
    let timed = contentLines(
      ICalWriter.write(
        document([
          event(
            start: "2026-09-16 17:00", end: "2026-09-16 19:00",
            rule: "FREQ=MONTHLY;BYDAY=3WE;COUNT=4", exceptions: ["2026-11-18", "2026-10-21"])
        ])))
    #expect(timed.contains("RRULE:FREQ=MONTHLY;BYDAY=3WE;COUNT=4"))
    #expect(
      timed.filter { $0.hasPrefix("EXDATE") } == [
        "EXDATE;TZID=Europe/Copenhagen:20261021T170000",
        "EXDATE;TZID=Europe/Copenhagen:20261118T170000",
      ])
    let wholeDay = contentLines(
      ICalWriter.write(
        document([
          event(
            start: "2027-01-04", end: "2027-01-04", rule: "FREQ=WEEKLY;COUNT=3",
            exceptions: ["2027-01-11"])
        ])))
    #expect(wholeDay.contains("EXDATE;VALUE=DATE:20270111"))
  }

  // MARK: UNTIL

  func until(_ rule: String, start: String, end: String) -> String? {
    // The event's RRULE comes after the VTIMEZONE's.
    contentLines(ICalWriter.write(document([event(start: start, end: end, rule: rule)])))
      .last { $0.hasPrefix("RRULE:") }
  }

  @Test func dateUntilOfTimedEventBecomesTheUTCEndOfThatLocalDay() {
    // 23:59:59 summer time in Copenhagen is 21:59:59 UTC; in winter 22:59:59.
    #expect(
      until(
        "FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270630", start: "2027-02-02 07:30", end: "2027-02-02 09:00")
        == "RRULE:FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270630T215959Z")
    #expect(
      until(
        "FREQ=WEEKLY;UNTIL=20271231;BYDAY=FR", start: "2027-12-03 07:30", end: "2027-12-03 09:00")
        == "RRULE:FREQ=WEEKLY;UNTIL=20271231T225959Z;BYDAY=FR")
  }

  @Test func localDateTimeUntilOfTimedEventEndsWithItsDay() {
    #expect(
      until("FREQ=DAILY;UNTIL=20270110T080000", start: "2027-01-04 09:00", end: "2027-01-04 10:00")
        == "RRULE:FREQ=DAILY;UNTIL=20270110T225959Z")
  }

  @Test func utcUntilOfTimedEventIsKept() {
    #expect(
      until("FREQ=DAILY;UNTIL=20270110T235959Z", start: "2027-01-04 09:00", end: "2027-01-04 10:00")
        == "RRULE:FREQ=DAILY;UNTIL=20270110T235959Z")
  }

  @Test func untilWithTimeOfWholeDayEventBecomesADate() {
    #expect(
      until("FREQ=DAILY;UNTIL=20270110T120000", start: "2027-01-04", end: "2027-01-04")
        == "RRULE:FREQ=DAILY;UNTIL=20270110")
    // 23:30 UTC on 10 January is already 11 January in Copenhagen, as the site counts it.
    #expect(
      until("FREQ=DAILY;UNTIL=20270110T233000Z", start: "2027-01-04", end: "2027-01-04")
        == "RRULE:FREQ=DAILY;UNTIL=20270111")
    #expect(
      until("FREQ=DAILY;UNTIL=20270110", start: "2027-01-04", end: "2027-01-04")
        == "RRULE:FREQ=DAILY;UNTIL=20270110")
  }

  // MARK: Zones and determinism

  @Test func oneTimeZonePerZoneUsedSorted() {
    let newYork = TimeZone(identifier: "America/New_York")!
    let file = ICalWriter.write(
      document([
        event(),
        event { $0.timeZone = newYork },
        event(start: "2028-06-01 10:00", end: "2028-06-01 11:00"),
      ]))
    let lines = contentLines(file)
    #expect(
      lines.filter { $0.hasPrefix("TZID:") } == ["TZID:America/New_York", "TZID:Europe/Copenhagen"])
    #expect(lines.contains("DTSTART;TZID=America/New_York:20270317T083000"))
    #expect(!lines.contains { $0.contains("UNTIL") })
  }

  @Test func outputIsDeterministic() {
    let events = [
      event(rule: "FREQ=WEEKLY;COUNT=5", exceptions: ["2027-03-31", "2027-03-24"]) {
        $0.categories = ["a", "b"]
        $0.organizer = .init(name: "Ida", email: "ida@example.org")
      },
      event { $0.timeZone = TimeZone(identifier: "Australia/Sydney")! },
    ]
    let first = ICalWriter.write(document(events))
    #expect((0..<5).allSatisfy { _ in ICalWriter.write(document(events)) == first })
  }
}
