import Foundation
import KredsModel
import Testing

@testable import KredsCalendar

@Suite struct TimeZoneRulesTests {
  func zone(_ identifier: String) throws -> TimeZone {
    try #require(TimeZone(identifier: identifier))
  }

  func instant(_ text: String, _ zone: TimeZone) throws -> Date {
    try #require(LocalDateTime(parsing: text)).instant(in: zone)
  }

  /// The VTIMEZONE lines as text, TZNAME left out: Foundation gives letter names on some
  /// platforms only.
  func component(_ identifier: String, from start: String, through end: String) throws
    -> [String]
  {
    let zone = try zone(identifier)
    return TimeZoneRules.lines(
      for: zone, from: try instant(start, zone), through: try instant(end, zone)
    ).map(\.unfolded).filter { !$0.hasPrefix("TZNAME:") }
  }

  /// Spans from one start share one walk through the zone data, whichever comes first.
  @Test(arguments: ["Europe/Copenhagen", "America/Santiago", "Asia/Tokyo", "Australia/Lord_Howe"])
  func sharedWalksGiveTheTransitionsOfAFreshOne(identifier: String) throws {
    let zone = try zone(identifier)
    let start = try instant("2019-01-01 00:00", zone)
    for end in ["2050-06-01 00:00", "2020-03-01 00:00", "2031-12-31 23:59", "2019-01-01 00:00"] {
      let through = try instant(end, zone)
      #expect(
        TimeZoneRules.transitions(of: zone, from: start, through: through)
          == TimeZoneRules.walkTransitions(of: zone, from: start, through: through).transitions)
    }
  }

  @Test func copenhagenIn2027HasTwoYearlyRulesFromTheYearBefore() throws {
    #expect(
      try component("Europe/Copenhagen", from: "2027-03-17 08:30", through: "2027-11-20 12:00")
        == [
          "BEGIN:VTIMEZONE",
          "TZID:Europe/Copenhagen",
          "BEGIN:DAYLIGHT",
          "DTSTART:20260329T020000",
          "TZOFFSETFROM:+0100",
          "TZOFFSETTO:+0200",
          "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
          "END:DAYLIGHT",
          "BEGIN:STANDARD",
          "DTSTART:20261025T030000",
          "TZOFFSETFROM:+0200",
          "TZOFFSETTO:+0100",
          "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
          "END:STANDARD",
          "END:VTIMEZONE",
        ])
  }

  @Test func coverageStartsTheYearBeforeTheFirstEvent() throws {
    // An event in January: the onset in effect then is the previous October's.
    let observances = TimeZoneRules.observances(
      for: try zone("Europe/Copenhagen"),
      from: try instant("2027-01-10 09:00", zone("Europe/Copenhagen")),
      through: try instant("2027-01-10 10:00", zone("Europe/Copenhagen")))
    #expect(observances.map(\.start.date.year) == [2026, 2026])
    #expect(observances.allSatisfy { $0.rule != nil && $0.until == nil })
  }

  @Test func zoneWithoutDaylightSavingHasOneStandard() throws {
    #expect(
      try component("Asia/Tokyo", from: "2027-05-01 10:00", through: "2029-05-01 10:00") == [
        "BEGIN:VTIMEZONE",
        "TZID:Asia/Tokyo",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0900",
        "TZOFFSETTO:+0900",
        "END:STANDARD",
        "END:VTIMEZONE",
      ])
    #expect(
      try component("UTC", from: "2027-05-01 10:00", through: "2027-05-01 12:00").contains(
        "TZOFFSETTO:+0000"))
  }

  @Test func sydneyChangesInAprilAndOctober() throws {
    #expect(
      try component("Australia/Sydney", from: "2027-02-01 18:00", through: "2027-12-01 18:00")
        == [
          "BEGIN:VTIMEZONE",
          "TZID:Australia/Sydney",
          "BEGIN:STANDARD",
          "DTSTART:20260405T030000",
          "TZOFFSETFROM:+1100",
          "TZOFFSETTO:+1000",
          "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU",
          "END:STANDARD",
          "BEGIN:DAYLIGHT",
          "DTSTART:20261004T020000",
          "TZOFFSETFROM:+1000",
          "TZOFFSETTO:+1100",
          "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU",
          "END:DAYLIGHT",
          "END:VTIMEZONE",
        ])
  }

  @Test func newYorkUsesOrdinalsNotLastSunday() throws {
    #expect(
      try component("America/New_York", from: "2027-06-01 18:00", through: "2028-06-01 18:00")
        == [
          "BEGIN:VTIMEZONE",
          "TZID:America/New_York",
          "BEGIN:DAYLIGHT",
          "DTSTART:20260308T020000",
          "TZOFFSETFROM:-0500",
          "TZOFFSETTO:-0400",
          "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
          "END:DAYLIGHT",
          "BEGIN:STANDARD",
          "DTSTART:20261101T020000",
          "TZOFFSETFROM:-0400",
          "TZOFFSETTO:-0500",
          "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
          "END:STANDARD",
          "END:VTIMEZONE",
        ])
  }

  @Test func newYorks2007ChangeClosesTheOldRulesWithUntil() throws {
    #expect(
      try component("America/New_York", from: "2006-06-01 18:00", through: "2008-06-01 18:00")
        == [
          "BEGIN:VTIMEZONE",
          "TZID:America/New_York",
          "BEGIN:DAYLIGHT",
          "DTSTART:20050403T020000",
          "TZOFFSETFROM:-0500",
          "TZOFFSETTO:-0400",
          "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20060402T070000Z",
          "END:DAYLIGHT",
          "BEGIN:STANDARD",
          "DTSTART:20051030T020000",
          "TZOFFSETFROM:-0400",
          "TZOFFSETTO:-0500",
          "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z",
          "END:STANDARD",
          "BEGIN:DAYLIGHT",
          "DTSTART:20070311T020000",
          "TZOFFSETFROM:-0500",
          "TZOFFSETTO:-0400",
          "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
          "END:DAYLIGHT",
          "BEGIN:STANDARD",
          "DTSTART:20071104T020000",
          "TZOFFSETFROM:-0400",
          "TZOFFSETTO:-0500",
          "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
          "END:STANDARD",
          "END:VTIMEZONE",
        ])
  }

  @Test func moscowAbolishingDaylightSavingEndsEveryRule() throws {
    let observances = TimeZoneRules.observances(
      for: try zone("Europe/Moscow"), from: try instant("2010-06-01 10:00", zone("Europe/Moscow")),
      through: try instant("2016-06-01 10:00", zone("Europe/Moscow")))
    // Nothing may repeat past the 2014 change, or 2015 would get a daylight-saving hour.
    #expect(observances.allSatisfy { $0.rule != nil && $0.until != nil })
    #expect(observances.last?.offsetTo == 3 * 3600)
    // The last DST onset was 2010-03-28 02:00 local (23:00 UTC the day before); UNTIL names the
    // wall-clock time so that readers ignoring the Z keep it.
    #expect(
      try component("Europe/Moscow", from: "2010-06-01 10:00", through: "2016-06-01 10:00")
        .contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;UNTIL=20100328T020000Z"))
  }

  @Test func weekdayOnOrAfterADayWhenNoOrdinalFitsEveryYear() {
    let rule = TimeZoneRules.YearlyRule(month: 3, weekday: 5, day: .onOrAfter(23))
    #expect(
      rule.value(until: nil) == "FREQ=YEARLY;BYMONTH=3;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29")
    #expect(rule.date(in: 2028) == LocalDate(year: 2028, month: 3, day: 24))
    #expect(
      TimeZoneRules.YearlyRule(month: 3, weekday: 7, day: .ordinal(-1)).date(in: 2027)
        == LocalDate(year: 2027, month: 3, day: 28))
    #expect(
      TimeZoneRules.YearlyRule(month: 11, weekday: 7, day: .ordinal(1)).date(in: 2026)
        == LocalDate(year: 2026, month: 11, day: 1))
  }

  /// Every observance's onsets, expanded as a client would, must be exactly the zone's changes
  /// in the span, and give the zone's offset at every instant of it.
  @Test(arguments: [
    ("Europe/Copenhagen", "2026-01-15 09:00", "2031-12-01 09:00"),
    ("America/New_York", "2005-03-01 09:00", "2010-12-01 09:00"),
    ("Australia/Sydney", "2006-03-01 09:00", "2010-12-01 09:00"),
    ("Europe/Moscow", "2009-03-01 09:00", "2016-12-01 09:00"),
    ("Asia/Jerusalem", "2011-03-01 09:00", "2032-12-01 09:00"),
    ("America/Santiago", "2014-03-01 09:00", "2020-12-01 09:00"),
    ("Africa/Casablanca", "2025-01-10 09:00", "2027-12-01 09:00"),
    ("Pacific/Apia", "2010-03-01 09:00", "2022-12-01 09:00"),
    ("Asia/Tokyo", "2026-03-01 09:00", "2027-12-01 09:00"),
  ])
  func observancesReproduceTheZone(identifier: String, from: String, through: String) throws {
    let zone = try zone(identifier)
    let start = try instant(from, zone)
    let end = try instant(through, zone)
    let observances = TimeZoneRules.observances(for: zone, from: start, through: end)
    var onsets: [(instant: Date, offset: Int)] = []
    for observance in observances {
      #expect(
        observance.rule.map { $0.date(in: observance.start.date.year) == observance.start.date }
          ?? true)
      guard let rule = observance.rule else {
        onsets.append(
          (observance.start.instant(offset: observance.offsetFrom), observance.offsetTo))
        continue
      }
      for year in observance.start.date.year...(observance.start.date.year + 100) {
        let onset = WallClockTime(
          date: rule.date(in: year), secondsOfDay: observance.start.secondsOfDay
        )
        .instant(offset: observance.offsetFrom)
        if onset > end || observance.until.map({ onset > $0 }) == true { break }
        onsets.append((onset, observance.offsetTo))
      }
    }
    onsets.sort { $0.instant < $1.instant }

    // The span the rules must describe starts on 1 January of the year before the first event.
    let year = Calendar(identifier: .gregorian).dateComponents(in: zone, from: start).year ?? 0
    let spanStart = try instant("\(year - 1)-01-01", zone)
    var actual: [Date] = []
    var cursor = spanStart
    while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next <= end {
      if zone.secondsFromGMT(for: next.addingTimeInterval(-1)) != zone.secondsFromGMT(for: next) {
        actual.append(next)
      }
      cursor = next
    }
    #expect(onsets.map(\.instant).filter { $0 > spanStart } == actual, "\(identifier)")

    var probe = start
    while probe <= end {
      let inEffect = onsets.last { $0.instant <= probe }
      #expect(inEffect?.offset == zone.secondsFromGMT(for: probe), "\(identifier) at \(probe)")
      probe.addTimeInterval(5 * 3600 + 17)
    }
  }
}
