import Foundation
import Testing

@testable import KredsModel

@Suite struct LocalDateTests {
  @Test func parsesValidDates() {
    #expect(LocalDate(parsing: "2024-02-29") == LocalDate(year: 2024, month: 2, day: 29))
  }

  @Test(arguments: [
    "2023-02-29", "2023-13-01", "2023-1-5", "23-01-05", "2023/01/05", "", "2023-01-0x",
  ])
  func rejectsInvalidDates(_ text: String) {
    #expect(LocalDate(parsing: text) == nil)
  }

  @Test func dayArithmeticRoundTrips() {
    for days in stride(from: -800_000, through: 800_000, by: 997) {
      #expect(LocalDate(daysSinceEpoch: days).daysSinceEpoch == days)
    }
    #expect(LocalDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
    #expect(LocalDate(year: 2023, month: 1, day: 25).isoWeekday == 3)  // a Wednesday
    #expect(
      LocalDate(year: 2024, month: 2, day: 28).adding(days: 1)
        == LocalDate(year: 2024, month: 2, day: 29))
  }

  @Test func parsesDateTimes() {
    #expect(LocalDateTime(parsing: "2023-01-25 09:00")?.time == LocalTime(hour: 9, minute: 0))
    // Only the CONTENT.md forms; others get a suggestion of the right form.
    #expect(LocalDateTime(parsing: "2023-01-25T09:00") == nil)
    #expect(LocalDateTime(parsing: "2023-01-25 9:00") == nil)
    #expect(LocalDateTime.suggestion(for: "2023-01-25T09:00") == "2023-01-25 09:00")
    #expect(LocalDateTime.suggestion(for: "2023-01-25 09:00:00") == "2023-01-25 09:00")
    #expect(LocalDateTime.suggestion(for: "2023-01-25 9:00") == "2023-01-25 09:00")
    #expect(LocalDateTime.suggestion(for: "25/1 kl 9") == nil)
    #expect(LocalDateTime(parsing: "2023-01-25")?.isWholeDay == true)
    #expect(LocalDateTime(parsing: "2023-01-25 24:00") == nil)
    #expect(LocalDateTime(parsing: "25/1 kl 9") == nil)
  }

  @Test func instantFollowsDaylightSaving() throws {
    let zone = try #require(TimeZone(identifier: "Europe/Copenhagen"))
    let winter = try #require(LocalDateTime(parsing: "2026-01-21 09:00")).instant(in: zone)
    let summer = try #require(LocalDateTime(parsing: "2026-07-15 09:00")).instant(in: zone)
    #expect(Int(winter.timeIntervalSince1970) % 86_400 == 8 * 3600)
    #expect(Int(summer.timeIntervalSince1970) % 86_400 == 7 * 3600)
  }
}
