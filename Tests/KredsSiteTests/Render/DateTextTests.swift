import Foundation
import Testing

@testable import KredsSite

@Suite struct DateTextTests {
  let danish = DateText(language: .da)
  let english = DateText(language: .en)

  func at(_ text: String) -> LocalDateTime { LocalDateTime(parsing: text)! }

  @Test func writesDanishDatesAsReadersExpect() {
    #expect(
      danish.when(start: at("2023-01-25 09:00"), end: at("2023-01-25 11:00"))
        == "onsdag 25. januar 2023, kl. 9.00–11.00")
    #expect(danish.when(start: at("2027-03-10"), end: at("2027-03-10")) == "onsdag 10. marts 2027")
    #expect(
      danish.when(start: at("2027-04-20"), end: at("2027-04-21"))
        == "tirsdag 20. april – onsdag 21. april 2027")
  }

  @Test func writesEnglishDates() {
    #expect(
      english.when(start: at("2023-01-25 09:00"), end: at("2023-01-25 11:00"))
        == "Wednesday 25 January 2023, 09:00–11:00")
  }

  @Test func writesISOWithTheZonesOffset() {
    let zone = TimeZone(identifier: "Europe/Copenhagen")!
    #expect(danish.iso(at("2026-07-01 09:30"), in: zone) == "2026-07-01T09:30:00+02:00")
    #expect(danish.iso(at("2026-12-01 09:30"), in: zone) == "2026-12-01T09:30:00+01:00")
    #expect(danish.iso(at("2026-12-01"), in: zone) == "2026-12-01")
  }
}
