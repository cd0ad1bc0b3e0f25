import Foundation
import KredsModel
import Testing

@testable import KredsCalendar

@Suite struct RecurrenceExpanderTests {
  let copenhagen = TimeZone(identifier: "Europe/Copenhagen")!

  func dates(_ rule: String, start: String, except: [String] = []) throws -> [String] {
    let parsed = try #require(RecurrenceRule.parse(rule).rule)
    let result = RecurrenceExpander.dates(
      of: parsed, start: try #require(LocalDateTime(parsing: start)), timeZone: copenhagen,
      except: except.compactMap { LocalDate(parsing: $0) })
    return try result.get().map(\.description)
  }

  @Test func thirdWednesdayOfFourMonths() throws {
    #expect(
      try dates("FREQ=MONTHLY;BYDAY=3WE;COUNT=4", start: "2026-09-16 17:00")
        == ["2026-09-16", "2026-10-21", "2026-11-18", "2026-12-16"])
  }

  @Test func firstTuesdayUntilJuneWithAnException() throws {
    #expect(
      try dates(
        "FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270630T235959Z", start: "2027-02-02 07:30",
        except: ["2027-04-06"])
        == ["2027-02-02", "2027-03-02", "2027-05-04", "2027-06-01"])
  }

  @Test func everySecondWeekOnTwoDays() throws {
    #expect(
      try dates("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=5", start: "2027-01-04 10:00")
        == ["2027-01-04", "2027-01-07", "2027-01-18", "2027-01-21", "2027-02-01"])
  }

  @Test func lastFridayAndLastDayOfMonth() throws {
    #expect(
      try dates("FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", start: "2027-01-29 15:00") == [
        "2027-01-29", "2027-02-26", "2027-03-26",
      ])
    #expect(
      try dates("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3", start: "2027-01-31") == [
        "2027-01-31", "2027-02-28", "2027-03-31",
      ])
  }

  @Test func monthlyOnThe31stSkipsShortMonths() throws {
    #expect(
      try dates("FREQ=MONTHLY;COUNT=3", start: "2027-01-31 09:00") == [
        "2027-01-31", "2027-03-31", "2027-05-31",
      ])
  }

  @Test func yearlyInChosenMonths() throws {
    #expect(
      try dates("FREQ=YEARLY;BYMONTH=3,9;BYDAY=2TH;UNTIL=20281231", start: "2027-03-11 18:00")
        == ["2027-03-11", "2027-09-09", "2028-03-09", "2028-09-14"])
  }

  @Test func dailyUntilADate() throws {
    #expect(
      try dates("FREQ=DAILY;UNTIL=20270103", start: "2027-01-01 08:00") == [
        "2027-01-01", "2027-01-02", "2027-01-03",
      ])
  }

  @Test func startMustBeADateOfTheRule() throws {
    let rule = try #require(RecurrenceRule.parse("FREQ=MONTHLY;BYDAY=3WE;COUNT=4").rule)
    let result = RecurrenceExpander.dates(
      of: rule, start: try #require(LocalDateTime(parsing: "2026-09-15 17:00")),
      timeZone: copenhagen)
    #expect(
      throws: RecurrenceExpander.Problem.startNotInRule(
        firstRuleDate: LocalDate(year: 2026, month: 9, day: 16))
    ) {
      try result.get()
    }
  }

  @Test func seriesKeepsLocalTimeAcrossDaylightSaving() throws {
    var event = Event(
      slug: Slug("serie")!, file: "x.md", title: "Serie",
      start: try #require(LocalDateTime(parsing: "2026-09-16 17:00")),
      timeZone: copenhagen)
    event.end = LocalDateTime(parsing: "2026-09-16 19:00")
    let rule = try #require(RecurrenceRule.parse("FREQ=MONTHLY;BYDAY=3WE;COUNT=4").rule)
    event.repetition = Repetition(rule: rule, ruleText: "FREQ=MONTHLY;BYDAY=3WE;COUNT=4")
    let occurrences = try event.occurrences(eventIndex: 0).get()
    // 17:00 local is 15:00 UTC in summer time (September) and 16:00 UTC in winter time (November).
    let utcHours = occurrences.map { Int($0.startInstant.timeIntervalSince1970) % 86_400 / 3600 }
    #expect(utcHours == [15, 15, 16, 16])
    #expect(occurrences.allSatisfy { $0.endInstant.timeIntervalSince($0.startInstant) == 7200 })
  }

  /// Found by FuzzRecurrenceRule: a yearly rule that no day satisfies took seconds (50 000 years
  /// scanned, the per-year work of BYDAY included); one 400-year Gregorian cycle is enough.
  @Test func yearlyRuleThatNeverMatchesStopsAfterOneCalendarCycle() throws {
    let rule = try #require(
      RecurrenceRule.parse("FREQ=YEARLY;BYDAY=MO;BYMONTHDAY=31;BYMONTH=2;COUNT=2").rule)
    let clock = ContinuousClock()
    var result: Result<[LocalDate], RecurrenceExpander.Problem>?
    let elapsed = clock.measure {
      result = RecurrenceExpander.dates(
        of: rule, start: LocalDateTime(date: LocalDate(year: 2026, month: 2, day: 2), time: nil),
        timeZone: copenhagen)
    }
    #expect(result == .failure(.startNotInRule(firstRuleDate: nil)))
    #expect(elapsed < .seconds(2))
  }

  @Test func rareRuleIsStillFoundWithinOneCycle() throws {
    // 29 February on a Monday: 2016, then 2044.
    #expect(
      try dates("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;COUNT=2", start: "2016-02-29 10:00")
        == ["2016-02-29", "2044-02-29"])
    let rule = try #require(
      RecurrenceRule.parse("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;COUNT=2").rule)
    let result = RecurrenceExpander.dates(
      of: rule, start: LocalDateTime(date: LocalDate(year: 2000, month: 1, day: 1), time: nil),
      timeZone: copenhagen)
    #expect(
      result == .failure(.startNotInRule(firstRuleDate: LocalDate(year: 2016, month: 2, day: 29))))
  }
}
