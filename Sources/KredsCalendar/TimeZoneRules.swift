import Foundation
import KredsModel

/// The `VTIMEZONE` of a zone over a span of time (RFC 5545 section 3.6.5), derived from
/// Foundation's zone data. Rules are yearly `RRULE`s, as Outlook expects, never lists of `RDATE`s.
enum TimeZoneRules {
  /// A `STANDARD` or `DAYLIGHT` sub-component: an onset, or a yearly series of onsets.
  struct Observance: Equatable, Sendable {
    enum Kind: String, Sendable {
      case standard = "STANDARD"
      case daylight = "DAYLIGHT"
    }

    var kind: Kind
    /// The first onset, on the wall clock before it (the offset `offsetFrom`).
    var start: WallClockTime
    var offsetFrom: Int
    var offsetTo: Int
    /// `TZNAME`, only when Foundation gives letters (`CET`), not a made-up `GMT+1`.
    var name: String?
    /// Nil only for the observance stating the offset of a zone without changes in the span.
    var rule: YearlyRule?
    /// The last onset of a rule that stops (an inclusive UTC `UNTIL`); nil while it still holds.
    var until: Date?
  }

  /// `FREQ=YEARLY` on one weekday of one month.
  struct YearlyRule: Equatable, Sendable {
    var month: Int
    /// ISO weekday, 1 = Monday.
    var weekday: Int
    var day: DayChoice

    /// Which of the month's `weekday`s.
    enum DayChoice: Hashable, Sendable, Comparable {
      /// `BYDAY=-1SU` (last) or `BYDAY=2SU` (second). Preferred: every client knows it.
      case ordinal(Int)
      /// The first such weekday on or after this day of the month, as tz data writes
      /// `Fri>=23`: `BYDAY=FR;BYMONTHDAY=23,…,29`.
      case onOrAfter(Int)

      static func < (lhs: DayChoice, rhs: DayChoice) -> Bool {
        switch (lhs, rhs) {
        case (.ordinal(let left), .ordinal(let right)):
          // -1 first: "last Sunday" is how most of these rules are made.
          return (left < 0 ? 0 : left) < (right < 0 ? 0 : right)
        case (.ordinal, .onOrAfter): return true
        case (.onOrAfter, .ordinal): return false
        case (.onOrAfter(let left), .onOrAfter(let right)): return left < right
        }
      }
    }

    /// The `RRULE` value, with `UNTIL` when given.
    func value(until: Date?) -> String {
      let code = Self.weekdayCodes[weekday - 1]
      var text = "FREQ=YEARLY;BYMONTH=\(month)"
      switch day {
      case .ordinal(let ordinal): text += ";BYDAY=\(ordinal)\(code)"
      case .onOrAfter(let first):
        text +=
          ";BYDAY=\(code);BYMONTHDAY=" + (first...first + 6).map(String.init).joined(separator: ",")
      }
      if let until { text += ";UNTIL=" + ICalDateValue.utc(until) }
      return text
    }

    /// The day this rule picks in `year`.
    func date(in year: Int) -> LocalDate {
      let length = LocalDate.daysIn(month: month, year: year)
      switch day {
      case .ordinal(let ordinal) where ordinal < 0:
        let last = LocalDate(year: year, month: month, day: length)
        return last.adding(days: -((last.isoWeekday - weekday + 7) % 7) + (ordinal + 1) * 7)
      case .ordinal(let ordinal):
        return firstWeekday(onOrAfter: 1, year: year).adding(days: (ordinal - 1) * 7)
      case .onOrAfter(let first):
        return firstWeekday(onOrAfter: first, year: year)
      }
    }

    private func firstWeekday(onOrAfter day: Int, year: Int) -> LocalDate {
      let first = LocalDate(year: year, month: month, day: day)
      return first.adding(days: (weekday - first.isoWeekday + 7) % 7)
    }

    /// Every way of naming `date` that also works in other years, best first.
    static func choices(for date: LocalDate) -> Set<DayChoice> {
      var result: Set<DayChoice> = []
      let ordinal = (date.day - 1) / 7 + 1
      // A fifth weekday is missing from most months, so it can never make a yearly rule.
      if ordinal <= 4 { result.insert(.ordinal(ordinal)) }
      if date.day > LocalDate.daysIn(month: date.month, year: date.year) - 7 {
        result.insert(.ordinal(-1))
      }
      // February's 28 days bound the windows, so each one exists every year.
      let shortest = date.month == 2 ? 28 : LocalDate.daysIn(month: date.month, year: 2001)
      for first in max(1, date.day - 6)...date.day where first + 6 <= shortest {
        result.insert(.onOrAfter(first))
      }
      return result
    }

    static let weekdayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
  }

  /// One change of offset, as Foundation reports it.
  struct Transition: Equatable {
    var instant: Date
    var offsetFrom: Int
    var offsetTo: Int
    var kind: Observance.Kind
    var name: String?
    /// The wall clock before the change at the moment it happens.
    var wallClock: WallClockTime
  }

  /// A run of transitions that one yearly rule describes.
  struct Run {
    var transitions: [Transition]
    var choices: Set<YearlyRule.DayChoice>
  }

  /// Iterations at most when walking transitions: a thousand years of twice-yearly changes, far
  /// more than any site's series (at most 1 000 meetings) can span.
  static let maximumTransitions = 2_000

  /// The observances that fix the offset at every instant from `start` through `end`, and a year
  /// before `start`, so the observance in effect at the first event always has an onset in the
  /// file. A zone without changes in the span gets one `STANDARD` (from 1970, offset to itself).
  static func observances(for zone: TimeZone, from start: Date, through end: Date)
    -> [Observance]
  {
    let firstYear = WallClockTime(start, offset: zone.secondsFromGMT(for: start)).date.year - 1
    let scanStart = LocalDateTime(date: LocalDate(year: firstYear, month: 1, day: 1), time: nil)
      .instant(in: zone)
    let scanEnd = max(end, start)
    let transitions = Self.transitions(of: zone, from: scanStart, through: scanEnd)

    var runs: [Run] = []
    var latestRun: [Observance.Kind: Int] = [:]
    for transition in transitions {
      if let index = latestRun[transition.kind], let extended = extend(runs[index], transition) {
        runs[index] = extended
        continue
      }
      latestRun[transition.kind] = runs.count
      runs.append(
        Run(transitions: [transition], choices: YearlyRule.choices(for: transition.wallClock.date)))
    }

    var result: [Observance] = []
    if transitions.first.map({ $0.instant > start }) ?? true {
      // Nothing in the span says which offset holds at the first event: state it from 1970.
      let offset = zone.secondsFromGMT(for: scanStart)
      result.append(
        Observance(
          kind: zone.isDaylightSavingTime(for: scanStart) ? .daylight : .standard,
          start: WallClockTime(date: LocalDate(year: 1970, month: 1, day: 1), secondsOfDay: 0),
          offsetFrom: offset, offsetTo: offset, name: letterName(zone, scanStart), rule: nil,
          until: nil))
    }
    let lastRunOfKind = Set(latestRun.values)
    for (index, run) in runs.enumerated() {
      guard let first = run.transitions.first, let last = run.transitions.last else { continue }
      let rule = run.choices.min().map {
        YearlyRule(
          month: first.wallClock.date.month, weekday: first.wallClock.date.isoWeekday, day: $0)
      }
      let stillHolds =
        lastRunOfKind.contains(index)
        && rule.map { holds($0, after: last, beyond: scanEnd, in: zone) } == true
      // A one-off change is still written as a yearly rule ending with its only onset: Outlook
      // (and SITE.md) expect an RRULE on every observance of a zone with daylight saving.
      result.append(
        Observance(
          kind: first.kind, start: first.wallClock, offsetFrom: first.offsetFrom,
          offsetTo: first.offsetTo, name: first.name, rule: rule,
          until: stillHolds ? nil : last.instant))
    }
    return result
  }

  /// The `VTIMEZONE` component's lines.
  static func lines(for zone: TimeZone, from start: Date, through end: Date) -> [ICalContentLine] {
    var lines = [
      ICalContentLine("BEGIN", "VTIMEZONE"),
      ICalContentLine("TZID", ICalContentLine.text(zone.identifier)),
    ]
    let observances = Self.observances(for: zone, from: start, through: end)
    for observance in observances {
      lines.append(ICalContentLine("BEGIN", observance.kind.rawValue))
      lines.append(ICalContentLine("DTSTART", ICalDateValue.local(observance.start)))
      lines.append(ICalContentLine("TZOFFSETFROM", ICalDateValue.offset(observance.offsetFrom)))
      lines.append(ICalContentLine("TZOFFSETTO", ICalDateValue.offset(observance.offsetTo)))
      if let name = observance.name { lines.append(ICalContentLine("TZNAME", name)) }
      if let rule = observance.rule {
        // UNTIL is the later of the last onset's UTC time and its wall-clock time read as UTC:
        // readers that drop the Z and compare wall clocks (Python dateutil's tzical) then keep
        // the last onset too, and by either reading it is long before the next year's onset.
        let until = observance.until.map {
          $0.addingTimeInterval(Double(max(0, observance.offsetFrom)))
        }
        lines.append(ICalContentLine("RRULE", rule.value(until: until)))
      } else if observances.count > 1 {
        // The offset before a zone's first change in the span: one onset, but still written as
        // a yearly rule, since Outlook (and SITE.md) expect one beside daylight-saving rules.
        lines.append(ICalContentLine("RRULE", "FREQ=YEARLY;COUNT=1"))
      }
      lines.append(ICalContentLine("END", observance.kind.rawValue))
    }
    lines.append(ICalContentLine("END", "VTIMEZONE"))
    return lines
  }
}
