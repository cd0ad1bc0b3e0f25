import Foundation
import KredsCalendar
import KredsModel

let copenhagen = TimeZone(identifier: "Europe/Copenhagen") ?? .current
let defaultStart = LocalDateTime(
  date: LocalDate(year: 2026, month: 9, day: 16), time: LocalTime(hour: 17, minute: 0))

/// The RRULE parser and, for a rule it accepts, the expansion of the series. The input is the
/// rule text, optionally followed by a line with the start (`2026-09-16 17:00`, as in front
/// matter); a start the rule does not give is retried at the first day the rule gives.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
  let ruleText = String(lines.first ?? "")
  let start =
    lines.count > 1 ? LocalDateTime(parsing: String(lines[1])) ?? defaultStart : defaultStart

  let (rule, errors) = RecurrenceRule.parse(ruleText)
  for error in errors {
    precondition(
      (0...ruleText.count).contains(error.offset),
      "offset \(error.offset) outside the rule of \(ruleText.count) characters: \(error.message)")
  }
  guard let rule else {
    precondition(!errors.isEmpty, "a refused rule without a reason")
    return 0
  }
  let except = [start.date.adding(days: 7)]
  switch RecurrenceExpander.dates(of: rule, start: start, timeZone: copenhagen, except: except) {
  case .success(let dates):
    precondition(dates.count <= RecurrenceExpander.maximumOccurrences, "too many meetings")
    precondition(dates == dates.sorted(), "meetings out of order")
  case .failure(.startNotInRule(let first?)):
    let retry = LocalDateTime(date: first, time: start.time)
    let again = RecurrenceExpander.dates(
      of: rule, start: retry, timeZone: copenhagen, except: except)
    if case .failure(.startNotInRule(let other)) = again {
      preconditionFailure(
        "\(first) is the rule's first day, yet not in the rule (\(String(describing: other)))")
    }
  case .failure:
    break
  }
  return 0
}
