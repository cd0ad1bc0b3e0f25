import Foundation
import KredsModel

/// Expands the RRULE subset of CONTENT.md into local dates, as RFC 5545 defines them.
public enum RecurrenceExpander {
  /// The most meetings one series may have, whatever its rule says.
  public static let maximumOccurrences = RecurrenceRule.maximumCount

  /// Why a series cannot be expanded.
  public enum Problem: Error, Equatable, Sendable {
    /// The start is not one of the rule's days; RFC 5545 leaves such a series undefined and
    /// calendar apps disagree about it. Carries the first day the rule does give.
    case startNotInRule(firstRuleDate: LocalDate?)
    case tooManyOccurrences
  }

  /// The local days on which the series starts, in order, `except` dates left out. Times are
  /// those of `start`: a 09:00 meeting is at 09:00 local time whatever the season.
  public static func dates(
    of rule: RecurrenceRule, start: LocalDateTime, timeZone: TimeZone, except: [LocalDate] = []
  ) -> Result<[LocalDate], Problem> {
    let untilDate: LocalDate? = {
      guard case .until(let until, let isUTC) = rule.end else { return nil }
      guard isUTC, let time = until.time else { return until.date }
      // A UTC UNTIL ends the series at that instant: find the last local day starting before it.
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = TimeZone(identifier: "UTC") ?? timeZone
      guard
        let instant = calendar.date(
          from: DateComponents(
            year: until.date.year, month: until.date.month, day: until.date.day, hour: time.hour,
            minute: time.minute, second: 59))
      else { return until.date }
      var day = until.date.adding(days: 1)
      while LocalDateTime(date: day, time: start.time).instant(in: timeZone) > instant {
        day = day.adding(days: -1)
      }
      return day
    }()
    let count: Int? = {
      if case .count(let count) = rule.end { return count }
      return nil
    }()

    var result: [LocalDate] = []
    var produced = 0
    var period = 0
    // A rule such as BYMONTHDAY=31;BYMONTH=2 never matches. The Gregorian calendar repeats every
    // 400 years, so a rule that gives no day in that many periods never will: a fixed number of
    // periods instead let a yearly rule scan 50 000 years, seconds of work per file.
    let periodsWithoutDay = periodsPerCycle(rule.frequency)
    var lastPeriodWithDay = 0
    var first = true
    scan: while period - lastPeriodWithDay <= periodsWithoutDay {
      let candidates = dates(inPeriod: period, of: rule, start: start.date)
      period += 1
      for date in candidates where date >= start.date {
        lastPeriodWithDay = period
        if let untilDate, date > untilDate { break scan }
        if first {
          first = false
          if date != start.date { return .failure(.startNotInRule(firstRuleDate: date)) }
        }
        produced += 1
        if produced > maximumOccurrences { return .failure(.tooManyOccurrences) }
        if !except.contains(date) { result.append(date) }
        if let count, produced >= count { break scan }
      }
      if untilDate == nil, count == nil { break }
    }
    if first { return .failure(.startNotInRule(firstRuleDate: nil)) }
    return .success(result)
  }

  /// How many periods of `frequency` make up 400 Gregorian years (146 097 days, 20 871 weeks).
  static func periodsPerCycle(_ frequency: RecurrenceRule.Frequency) -> Int {
    switch frequency {
    case .daily: 146_097
    case .weekly: 20_871
    case .monthly: 4_800
    case .yearly: 400
    }
  }

  /// The candidate days of the `index`-th period (day, week, month or year) after the start's.
  static func dates(inPeriod index: Int, of rule: RecurrenceRule, start: LocalDate) -> [LocalDate] {
    let step = index * rule.interval
    switch rule.frequency {
    case .daily:
      let day = start.adding(days: step)
      return filter([day], rule: rule, checkWeekdays: true)
    case .weekly:
      let monday = start.adding(days: 1 - start.isoWeekday + 7 * step)
      let weekdays = rule.byDay.isEmpty ? [start.isoWeekday] : rule.byDay.map(\.weekday)
      let days = (0..<7).map { monday.adding(days: $0) }.filter { weekdays.contains($0.isoWeekday) }
      return filter(days, rule: rule, checkWeekdays: false)
    case .monthly:
      let monthIndex = start.year * 12 + (start.month - 1) + step
      let year = monthIndex / 12
      let month = monthIndex % 12 + 1
      if !rule.byMonth.isEmpty, !rule.byMonth.contains(month) { return [] }
      return daysInMonth(
        year: year, month: month, rule: rule, startDay: start.day, ordinalsInYear: false)
    case .yearly:
      let year = start.year + step
      if rule.byMonth.isEmpty, !rule.byDay.isEmpty, rule.byMonthDay.isEmpty {
        return weekdaysInYear(year, rule: rule)
      }
      let months = rule.byMonth.isEmpty ? [start.month] : rule.byMonth.sorted()
      return months.flatMap {
        daysInMonth(year: year, month: $0, rule: rule, startDay: start.day, ordinalsInYear: false)
      }
    }
  }

  private static func filter(_ days: [LocalDate], rule: RecurrenceRule, checkWeekdays: Bool)
    -> [LocalDate]
  {
    days.filter { day in
      if !rule.byMonth.isEmpty, !rule.byMonth.contains(day.month) { return false }
      if !rule.byMonthDay.isEmpty, !rule.byMonthDay.contains(where: { matches(monthDay: $0, day) })
      {
        return false
      }
      if checkWeekdays, !rule.byDay.isEmpty,
        !rule.byDay.contains(where: { $0.weekday == day.isoWeekday })
      {
        return false
      }
      return true
    }
  }

  private static func matches(monthDay: Int, _ day: LocalDate) -> Bool {
    let length = LocalDate.daysIn(month: day.month, year: day.year)
    return monthDay > 0 ? day.day == monthDay : day.day == length + monthDay + 1
  }

  private static func daysInMonth(
    year: Int, month: Int, rule: RecurrenceRule, startDay: Int, ordinalsInYear: Bool
  ) -> [LocalDate] {
    let length = LocalDate.daysIn(month: month, year: year)
    let all = (1...length).map { LocalDate(year: year, month: month, day: $0) }
    if rule.byDay.isEmpty, rule.byMonthDay.isEmpty {
      return startDay <= length ? [LocalDate(year: year, month: month, day: startDay)] : []
    }
    var days = all
    if !rule.byMonthDay.isEmpty {
      days = days.filter { day in rule.byMonthDay.contains { matches(monthDay: $0, day) } }
    }
    if !rule.byDay.isEmpty {
      let chosen = Set(Self.days(matching: rule.byDay, in: all))
      days = days.filter { chosen.contains($0) }
    }
    return days
  }

  private static func weekdaysInYear(_ year: Int, rule: RecurrenceRule) -> [LocalDate] {
    let first = LocalDate(year: year, month: 1, day: 1)
    let length = LocalDate.isLeap(year) ? 366 : 365
    return days(matching: rule.byDay, in: (0..<length).map { first.adding(days: $0) })
  }

  /// The days of `period` (a month or a year, in order) that `BYDAY` picks: every such weekday,
  /// or with an ordinal the n-th (`3WE`) or n-th from the end (`-1FR`) of the period.
  private static func days(matching byDay: [RecurrenceRule.WeekdayRule], in period: [LocalDate])
    -> [LocalDate]
  {
    var byWeekday: [Int: [LocalDate]] = [:]
    for day in period { byWeekday[day.isoWeekday, default: []].append(day) }
    var chosen: Set<LocalDate> = []
    for entry in byDay {
      let candidates = byWeekday[entry.weekday] ?? []
      guard let ordinal = entry.ordinal else {
        chosen.formUnion(candidates)
        continue
      }
      let position = ordinal > 0 ? ordinal - 1 : candidates.count + ordinal
      if candidates.indices.contains(position) { chosen.insert(candidates[position]) }
    }
    return period.filter { chosen.contains($0) }
  }
}
