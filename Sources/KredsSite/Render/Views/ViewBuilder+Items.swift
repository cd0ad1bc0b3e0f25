import Foundation

/// The full view models of one network, event, story or free page.
extension ViewBuilder {
  func networkView(_ network: Network) -> View {
    var view = networkCard(network)
    view["bodyHTML"] = bodyHTML(network.body, file: network.file)
    view["founded"] = network.founded.map(foundedText)
    view["organiser"] = organisation(network.organiser)
    view["contact"] = person(network.contact)
    view["steeringCommittee"] = network.steeringCommittee.compactMap { person($0) }
    view["links"] = network.links.map { View(["label": label($0.kind.rawValue), "url": $0.url]) }
    view["tags"] = tagLinks(network.tags)
    view["image"] = image(network.image)
    return view
  }

  func foundedText(_ founded: FoundedDate) -> String {
    switch founded {
    case .year(let year): return String(year)
    case .month(let year, let month):
      return dates.monthAndYear(LocalDate(year: year, month: month, day: 1))
    case .day(let date): return dates.long(date)
    }
  }

  func eventView(_ index: Int) -> View {
    let event = site.events[index]
    let occurrences = site.occurrences(ofEvent: index)
    // The page tells the next meeting of a series; once all are past, the last one.
    let shown = occurrences.first { $0.endInstant > site.now } ?? occurrences.last
    var view: View
    if let shown {
      view = eventCard(shown)
    } else {
      view = View(["title": event.title, "url": urls.event(event.slug)])
    }
    view["endISO"] = shown.map { dates.iso($0.end, in: event.timeZone) }
    view["bodyHTML"] = bodyHTML(event.body, file: event.file)
    view["timezoneText"] =
      event.timeZone.identifier != site.settings.timeZone.identifier
      ? event.timeZone.identifier : nil
    view["location"] = event.location.map { location in
      var place = View([
        "name": location.name, "address": location.address, "postalCode": location.postalCode,
        "city": location.city, "country": location.country == "DK" ? nil : location.country,
        "mapURL": nil,
      ])
      if location.address != nil || location.city != nil {
        let query = [
          location.address,
          [location.postalCode, location.city].compactMap { $0 }.joined(separator: " "),
          location.country,
        ]
        .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        var components = URLComponents(string: "https://www.openstreetmap.org/search")
        components?.queryItems = [URLQueryItem(name: "query", value: query)]
        place["mapURL"] = components?.url?.absoluteString
      }
      return place
    }
    view["onlineInfo"] = event.online.map { View(["url": $0.url, "platform": $0.platform]) }
    view["registration"] = event.registration.map { registration in
      var info = View([
        "url": registration.url, "email": registration.email,
        "emailURL": registration.email.map { "mailto:" + $0 },
        "deadlineText": registration.deadline.map { dates.dateTime($0) },
        "deadlineISO": registration.deadline.map { dates.iso($0, in: event.timeZone) },
        "capacity": registration.capacity.map(String.init), "price": registration.price,
      ])
      let closed = isRegistrationClosed(event, registration, next: shown)
      info["closed"] = closed
      info["closesAt"] =
        closed
        ? nil
        : registrationCloses(event, registration, next: shown).map {
          DateText.isoInstant($0, zone: event.timeZone)
        }
      return info
    }
    view["contact"] = person(event.contact)
    view["speakers"] = event.speakers.compactMap { person($0) }
    view["agenda"] = event.agenda.map { item in
      View(["time": item.time.map { dates.time($0) }, "title": item.title, "speaker": item.speaker])
    }
    view["attachments"] = event.attachments.map { attachment in
      let ext = attachment.file.value.split(separator: ".").last.map { $0.uppercased() }
      return View([
        "title": attachment.title, "url": urls.media(attachment.file.value), "typeText": ext,
      ])
    }
    view["tags"] = tagLinks(event.tags)
    view["image"] = image(event.image)
    view["occurrences"] = [View]()
    view["seriesText"] = nil
    view["singleOccurrence"] = nil
    if let repetition = event.repetition {
      let count = occurrences.count
      let except = repetition.exceptions.map { dates.long($0) }.joined(separator: ", ")
      view["seriesText"] =
        label("seriesTimes").replacingOccurrences(of: "{count}", with: String(count))
        + (repetition.exceptions.isEmpty ? "" : " (\(label("seriesExcept")) \(except))")
      view["occurrences"] = occurrences.map { occurrence in
        var item = View([
          "whenText": dates.when(start: occurrence.start, end: occurrence.end),
          "startISO": dates.iso(occurrence.start, in: event.timeZone),
        ])
        item["past"] = occurrence.endInstant <= site.now
        item["occurrence"] = occurrenceAttributes(occurrence)
        return item
      }
    } else if let shown {
      view["singleOccurrence"] = occurrenceAttributes(shown)
    }
    if let shown {
      view["addToCalendar"] = addToCalendarLinks(event: event, occurrence: shown)
      view["calendarURL"] = urls.calendar(
        year: shown.start.date.year, month: shown.start.date.month)
    }
    view["state"] = eventState(event, occurrences, next: shown)
    view["jsonLDHTML"] = EventJSONLD.scriptElement(event: event, occurrence: shown, builder: self)
    return view
  }

  /// The notice at the top of an event page: "I gang nu" while the meeting the page tells
  /// (`next`) runs, "Mødet er afholdt" once the last has ended; assets/time.js keeps both
  /// true after the build. Cancelled and postponed events keep their own banner instead.
  func eventState(_ event: Event, _ occurrences: [Occurrence], next: Occurrence?) -> View? {
    guard event.status == .scheduled, let last = occurrences.last, let next else { return nil }
    let ended = last.endInstant <= site.now
    let running = !ended && next.startInstant <= site.now && site.now < next.endInstant
    return View([
      "next": occurrenceAttributes(next),
      "ends": occurrenceAttributes(last)["end"],
      "endedText": label(event.repetition == nil ? "eventEnded" : "seriesEnded"),
      "running": running, "ended": ended, "shown": running || ended, "eventsURL": urls.events,
    ])
  }

  func storyView(_ story: Story) -> View {
    var view = storyCard(story)
    view["bodyHTML"] = bodyHTML(story.body, file: story.file)
    view["updatedText"] = story.updated.map { dates.dateTime($0) }
    view["updatedISO"] = story.updated.map { dates.iso($0, in: site.settings.timeZone) }
    view["author"] = story.author
    view["companies"] = story.companies.map { View(["name": $0.name, "url": $0.url]) }
    view["tags"] = tagLinks(story.tags)
    return view
  }

  func pageView(_ page: Page) -> View {
    View([
      "title": page.title, "summary": page.summary,
      "bodyHTML": bodyHTML(page.body, file: page.file),
    ])
  }

  /// Whether registration is over as of the build: its deadline has passed (a date deadline
  /// lasts the whole day), the meeting shown (`next`) has begun, or the event is cancelled.
  func isRegistrationClosed(_ event: Event, _ registration: Registration, next: Occurrence?) -> Bool
  {
    guard event.status != .cancelled,
      let closes = registrationCloses(event, registration, next: next)
    else { return true }
    return closes <= site.now
  }

  /// When registration closes: at its deadline (a date deadline lasts the whole day) or when
  /// the meeting shown (`next`) begins, whichever comes first; nil when there is no meeting.
  func registrationCloses(_ event: Event, _ registration: Registration, next: Occurrence?) -> Date?
  {
    guard let next else { return nil }
    guard let closes = registration.deadlineEnd(in: event.timeZone) else {
      return next.startInstant
    }
    return min(closes, next.startInstant)
  }
}
