import Foundation

/// A calendar month: its place in the site's run of months and the occurrences on each day.
/// Weeks start on Monday in Danish and English alike.
struct CalendarMonth: Hashable, Sendable, Comparable {
  var year: Int
  var month: Int

  init(year: Int, month: Int) {
    self.year = year
    self.month = month
  }

  init(_ date: LocalDate) { self.init(year: date.year, month: date.month) }

  var first: LocalDate { LocalDate(year: year, month: month, day: 1) }
  var last: LocalDate { LocalDate(year: year, month: month, day: length) }
  var length: Int { LocalDate.daysIn(month: month, year: year) }

  func adding(months: Int) -> CalendarMonth {
    let index = year * 12 + (month - 1) + months
    return CalendarMonth(year: index / 12, month: index % 12 + 1)
  }

  static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool {
    (lhs.year, lhs.month) < (rhs.year, rhs.month)
  }

  /// The days of the weeks that show this month, Monday first; nil for days of other months.
  var weeks: [[LocalDate?]] {
    let leading = first.isoWeekday - 1
    var cells: [LocalDate?] = Array(repeating: nil, count: leading)
    cells += (0..<length).map { first.adding(days: $0) }
    while cells.count % 7 != 0 { cells.append(nil) }
    return stride(from: 0, to: cells.count, by: 7).map { Array(cells[$0..<$0 + 7]) }
  }

  /// Every month from the first to the last month any occurrence touches, in order; empty
  /// when the site has no events.
  static func months(of occurrences: [Occurrence]) -> [CalendarMonth] {
    guard let first = occurrences.map({ CalendarMonth($0.start.date) }).min(),
      let last = occurrences.map({ CalendarMonth($0.lastDay) }).max()
    else { return [] }
    var months: [CalendarMonth] = []
    var month = first
    while month <= last {
      months.append(month)
      month = month.adding(months: 1)
    }
    return months
  }
}
