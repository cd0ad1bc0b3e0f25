import Foundation

/// The meetings' pages: the coming meetings, the archive by year, each event, and the month
/// calendars.
extension PageRenderer {
  func archiveYearsView(current: Int?) -> [View] {
    calendar.archiveYears.map { year in
      var item = View(["year": String(year), "url": urls.archive(year: year)])
      item["current"] = year == current
      return item
    }
  }

  func events() -> OutputFile {
    var view = View()
    view["upcoming"] = site.upcomingOccurrences.map(builder.eventCard)
    view["archiveYears"] = archiveYearsView(current: nil)
    view["calendarURL"] = urls.calendar
    view["subscribe"] = builder.subscribeLinks(
      feedPath: urls.calendarFeed, name: site.settings.title)
    view["embed"] = embedSnippet(.site)
    return output(
      template: "events", path: urls.events, title: builder.label("upcomingEvents"),
      description: nil, view: view, framesOwnPages: true)
  }

  func archive(_ year: Int) -> OutputFile {
    var view = View(["year": String(year)])
    view["events"] = calendar.pastOccurrences(in: year).map(builder.eventCard)
    view["archiveYears"] = archiveYearsView(current: year)
    return output(
      template: "archive", path: urls.archive(year: year),
      title: "\(builder.label("eventsOfYear")) \(year)",
      description: nil, view: view)
  }

  func event(_ index: Int) -> OutputFile {
    let event = site.events[index]
    var view = View()
    view["event"] = builder.eventView(index)
    return output(
      template: "event", path: urls.event(event.slug), title: event.title,
      description: event.summary,
      image: event.image, view: view, sourceFile: event.file)
  }

  /// A month of the calendar; `nil` is the entry page, which shows the month of `now`.
  func calendar(month: CalendarMonth?) -> OutputFile {
    let today = LocalDateTime(instant: site.now, in: site.settings.timeZone).date
    let shown = month ?? CalendarMonth(today)
    let view = builder.calendarMonthView(
      shown, occurrences: calendar.occurrences(in: shown, of: site), months: calendar.months,
      today: today)
    let path = month.map { urls.calendar(year: $0.year, month: $0.month) } ?? urls.calendar
    let monthName = builder.dates.monthAndYear(shown.first)
    return output(
      template: "calendar", path: path, title: "\(builder.label("calendar")): \(monthName)",
      description: "\(builder.label("eventsIn")) \(monthName)", view: view)
  }
}
