/// The months of the calendar pages with the occurrences that touch each, and the years of the
/// archive with their past occurrences. Made once per plan (`SitePlan`), so that a month's or a
/// year's page reads its own occurrences instead of filtering all of them: without it, a site
/// of many years renders O(pages × occurrences).
struct CalendarIndex: Sendable {
  /// Every month from the first to the last any occurrence touches, in order.
  let months: [CalendarMonth]
  /// The years with past occurrences, newest first.
  let archiveYears: [Int]
  /// Positions in `Site.occurrences`, ascending, of the occurrences that touch each month.
  private let positionsByMonth: [CalendarMonth: [Int]]
  /// Each year's past occurrences, most recent first, as `Site.pastOccurrences` orders them.
  private let pastByYear: [Int: [Occurrence]]

  init(site: Site) {
    months = CalendarMonth.months(of: site.occurrences)
    var byMonth: [CalendarMonth: [Int]] = [:]
    for (position, occurrence) in site.occurrences.enumerated() {
      var month = CalendarMonth(occurrence.start.date)
      let last = CalendarMonth(max(occurrence.lastDay, occurrence.start.date))
      while month <= last {
        byMonth[month, default: []].append(position)
        month = month.adding(months: 1)
      }
    }
    positionsByMonth = byMonth
    var byYear: [Int: [Occurrence]] = [:]
    for occurrence in site.pastOccurrences {
      byYear[occurrence.start.date.year, default: []].append(occurrence)
    }
    pastByYear = byYear
    archiveYears = byYear.keys.sorted(by: >)
  }

  /// The occurrences that touch `month`, in order of start.
  func occurrences(in month: CalendarMonth, of site: Site) -> [Occurrence] {
    (positionsByMonth[month] ?? []).map { site.occurrences[$0] }
  }

  /// The occurrences of `year` that have ended, most recent first.
  func pastOccurrences(in year: Int) -> [Occurrence] { pastByYear[year] ?? [] }
}
