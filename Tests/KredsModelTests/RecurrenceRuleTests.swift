import Testing

@testable import KredsModel

@Suite struct RecurrenceRuleTests {
  @Test func parsesTheThirdWednesday() throws {
    let rule = try #require(RecurrenceRule.parse("FREQ=MONTHLY;BYDAY=3WE;COUNT=4").rule)
    #expect(rule.frequency == .monthly)
    #expect(rule.byDay == [.init(ordinal: 3, weekday: 3)])
    #expect(rule.end == .count(4))
  }

  @Test func parsesUntilInUTC() throws {
    let rule = try #require(
      RecurrenceRule.parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20270630T235959Z").rule)
    #expect(rule.interval == 2)
    guard case .until(let until, let isUTC) = rule.end else {
      Issue.record("expected UNTIL")
      return
    }
    #expect(isUTC)
    #expect(until.date == LocalDate(year: 2027, month: 6, day: 30))
  }

  @Test func namesTheUnsupportedPartAndItsOffset() {
    let result = RecurrenceRule.parse("FREQ=MONTHLY;BYSETPOS=1;COUNT=3")
    #expect(result.rule == nil)
    #expect(result.errors.count == 1)
    #expect(result.errors.first?.message.contains("BYSETPOS") == true)
    #expect(result.errors.first?.offset == 13)
  }

  @Test func requiresAnEnd() {
    let result = RecurrenceRule.parse("FREQ=DAILY")
    #expect(result.errors.map(\.message).contains { $0.contains("COUNT") && $0.contains("UNTIL") })
  }

  @Test(arguments: [
    "FREQ=HOURLY;COUNT=2", "FREQ=WEEKLY;COUNT=0", "FREQ=WEEKLY;COUNT=100000",
    "FREQ=WEEKLY;BYDAY=3WE;COUNT=2",
    "FREQ=MONTHLY;BYDAY=XX;COUNT=2", "FREQ=MONTHLY;BYMONTHDAY=32;COUNT=2",
    "FREQ=MONTHLY;COUNT=2;UNTIL=20270101",
    "FREQ=MONTHLY;FREQ=WEEKLY;COUNT=2", "FREQ=MONTHLY;FOO=1;COUNT=2", "FREQ=MONTHLY;COUNT",
  ])
  func rejectsInvalidRules(_ text: String) {
    #expect(RecurrenceRule.parse(text).rule == nil)
  }
}
