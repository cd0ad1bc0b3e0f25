import Foundation

/// The view model of a month calendar page (SITE.md, "Pages"): the grid, the list below it and
/// the links around it.
extension ViewBuilder {
  /// - Parameters:
  ///   - inMonth: the occurrences that touch the month, in order of start (`CalendarIndex`).
  ///   - months: every month the site publishes a page for, in order.
  ///   - today: the date of `now` in the site's time zone.
  func calendarMonthView(
    _ month: CalendarMonth, occurrences inMonth: [Occurrence], months: [CalendarMonth],
    today: LocalDate
  ) -> View {
    let caption = capitalisedFirst(dates.monthAndYear(month.first))
    var view = View([
      "caption": caption, "todayURL": urls.calendar,
      "weekLabel": label("week"),
    ])
    view["weekdays"] = dates.weekdays.map { View(["name": $0.name, "short": $0.short]) }
    view["weeks"] = month.weeks.map { days in
      var week = View(["number": days.compactMap { $0 }.first.map { String($0.isoWeekNumber) }])
      week["days"] = days.map { day -> View in
        guard let day else { return View(["outside": true]) }
        return dayView(day, occurrences: inMonth, today: today)
      }
      return week
    }
    view["events"] = inMonth.map(eventCard)
    view["eventsHeading"] = "\(label("eventsIn")) \(dates.monthAndYear(month.first))"
    let previous = months.last { $0 < month }
    let next = months.first { $0 > month }
    view["previous"] = previous.map { monthLink($0) }
    view["next"] = next.map { monthLink($0) }
    view["subscribe"] = subscribeLinks(feedPath: urls.calendarFeed, name: site.settings.title)
    return view
  }

  private func dayView(_ day: LocalDate, occurrences: [Occurrence], today: LocalDate) -> View {
    var view = View([
      "number": String(day.day), "iso": day.description, "label": dates.long(day),
    ])
    view["outside"] = false
    view["today"] = day == today
    view["past"] = day < today
    view["events"] = occurrences.filter { $0.touches(day) }.map { occurrence in
      let event = site.event(of: occurrence)
      let startsToday = occurrence.start.date == day
      var item = View([
        "title": event.title, "url": urls.event(event.slug),
        "timeText": startsToday ? occurrence.start.time.map { dates.time($0) } : nil,
        "statusLabel": statusLabel(event.status),
        "continuedLabel": startsToday ? nil : label("continued"),
      ])
      // Machine-readable start and end, once per occurrence: on the day it starts.
      item["occurrence"] = startsToday ? occurrenceAttributes(occurrence) : nil
      item["cancelled"] = event.status == .cancelled
      item["postponed"] = event.status == .postponed
      return item
    }
    return view
  }

  private func monthLink(_ month: CalendarMonth) -> View {
    View([
      "url": urls.calendar(year: month.year, month: month.month),
      "text": capitalisedFirst(dates.monthAndYear(month.first)),
    ])
  }

  /// `data-occurrence-start` and `-end` values: instants with their offset for timed events,
  /// the first day and the day after the last for whole days (as iCal counts them).
  func occurrenceAttributes(_ occurrence: Occurrence) -> View {
    let bounds = occurrenceBounds(occurrence)
    return View(["start": bounds.start, "end": bounds.end])
  }

  /// The values of ``occurrenceAttributes(_:)``, as text.
  func occurrenceBounds(_ occurrence: Occurrence) -> (start: String, end: String) {
    let zone = site.event(of: occurrence).timeZone
    if occurrence.start.isWholeDay {
      return (
        occurrence.start.date.description, occurrence.end.date.adding(days: 1).description
      )
    }
    return (
      DateText.isoInstant(occurrence.startInstant, zone: zone),
      DateText.isoInstant(occurrence.endInstant, zone: zone)
    )
  }

  func capitalisedFirst(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst()
  }
}
