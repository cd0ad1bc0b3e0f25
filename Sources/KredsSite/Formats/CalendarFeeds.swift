import Foundation
import KredsCalendar

/// The iCal files of the site (SITE.md, "iCal feeds"): the feed of every event, one per network
/// and one per event. The writing itself (escaping, folding, time zones) is KredsCalendar's.
struct CalendarFeeds {
  /// How far back feeds reach: past events of the last 365 days stay in subscribers' calendars.
  static let pastDays = 365.0

  let site: Site
  let builder: ViewBuilder

  var urls: SiteURLs { builder.urls }

  /// One iCal file, ready to be written on any thread.
  struct File: Sendable {
    /// In the output folder.
    var path: String
    var document: CalendarDocument

    func written() -> OutputFile { OutputFile(path: path, text: ICalWriter.write(document)) }
  }

  /// One of the files, named before its events are made, for sites rendered on request.
  enum Feed: Sendable {
    case site
    case network(Int)
    /// The event at this index, which has at least one occurrence.
    case event(Int)
  }

  /// Every file as ``Feed``s with their paths, in the order of ``files()``, made without
  /// building a single calendar event.
  func feeds() -> [(feed: Feed, path: String)] {
    var feeds: [(feed: Feed, path: String)] = [(.site, urls.outputFile(urls.calendarFeed))]
    for index in site.networks.indices {
      let slug = site.networks[index].slug
      feeds.append((.network(index), urls.outputFile(urls.networkCalendarFeed(slug))))
    }
    // By index: a `for event in site.events` copies each event, and every string in it.
    for index in site.events.indices where site.hasOccurrences(ofEvent: index) {
      feeds.append(
        (.event(index), urls.outputFile(urls.eventCalendarFile(site.events[index].slug))))
    }
    return feeds
  }

  /// The file of one feed; the site's and a network's build every event's entry.
  func file(_ feed: Feed) -> File {
    switch feed {
    case .site: return siteFile(inFeeds: inFeeds(site.events.indices.compactMap(entry)))
    case .network(let index):
      return networkFile(index, inFeeds: inFeeds(site.events.indices.compactMap(entry)))
    case .event(let index):
      // `feeds()` lists only events with occurrences, which always have an entry; an event
      // without one would get an empty calendar at its own address.
      guard let entry = entry(index) else {
        return file(
          path: urls.eventCalendarFile(site.events[index].slug), name: nil, description: nil,
          events: [])
      }
      return eventFile(entry)
    }
  }

  /// Every file: the whole site's feed first, then the networks' and the events'. Their writing,
  /// most of the cost, is left to the caller, to spread over all cores.
  func files() -> [File] {
    let entries = site.events.indices.compactMap(entry)
    let inFeeds = inFeeds(entries)
    return [siteFile(inFeeds: inFeeds)]
      + site.networks.indices.map { networkFile($0, inFeeds: inFeeds) } + entries.map(eventFile)
  }

  /// Entries still in feeds: past events of the last ``pastDays`` days, and every later one.
  private func inFeeds(_ entries: [Entry]) -> [Entry] {
    entries.filter { $0.lastEnd > site.now.addingTimeInterval(-Self.pastDays * 86_400) }
  }

  private func siteFile(inFeeds: [Entry]) -> File {
    file(
      path: urls.calendarFeed, name: site.settings.title,
      description: site.settings.description, events: inFeeds.map(\.event))
  }

  private func networkFile(_ index: Int, inFeeds: [Entry]) -> File {
    let network = site.networks[index]
    // The network's own events, looked up by binary search: `inFeeds` is by event index, like
    // the members, and scanning it for every network grows with the square of the site.
    let events = (site.members[network.slug]?.events ?? []).compactMap { event -> Entry? in
      let position = inFeeds.partitionPoint { $0.index >= event }
      return position < inFeeds.count && inFeeds[position].index == event ? inFeeds[position] : nil
    }
    return file(
      path: urls.networkCalendarFeed(network.slug),
      name: "\(network.title) · \(site.settings.title)", description: network.summary,
      events: events.map(\.event))
  }

  private func eventFile(_ entry: Entry) -> File {
    file(
      path: urls.eventCalendarFile(site.events[entry.index].slug), name: nil, description: nil,
      events: [entry.event])
  }

  private struct Entry {
    var index: Int
    var event: CalendarEvent
    var lastEnd: Date
  }

  private func file(path: String, name: String?, description: String?, events: [CalendarEvent])
    -> File
  {
    var document = CalendarDocument(
      name: name, description: description, defaultTimeZone: site.settings.timeZone,
      productID: "-//Kreds//Kreds//\(site.settings.language.rawValue.uppercased())",
      events: events)
    document.emptyCalendarDate = site.buildTime
    return File(path: urls.outputFile(path), document: document)
  }

  /// One VEVENT: the first occurrence with the series' rule, so that calendar apps expand the
  /// series themselves, exactly as the pages list it.
  private func entry(_ index: Int) -> Entry? {
    let event = site.events[index]
    let occurrences = site.occurrences(ofEvent: index)
    guard let last = occurrences.last else { return nil }
    // A series starts at `start` even when that date is an `except` date: the rule and its
    // EXDATEs give the meetings, as calendar apps expand them.
    // The event's own `updated:`, else its last commit: the same bytes for the same commit.
    let changed =
      event.updated.map { $0.instant(in: event.timeZone) } ?? site.lastCommitted[event.file]
    var calendarEvent = CalendarEvent(
      uid: site.calendarUID(of: event), stamp: changed ?? site.buildTime, start: event.start,
      end: event.effectiveEnd, timeZone: event.timeZone, summary: event.title)
    calendarEvent.lastModified = changed
    calendarEvent.description = description(event)
    calendarEvent.url = urls.absolute(urls.event(event.slug))
    calendarEvent.location = event.location.map(ViewBuilder.locationText)
    calendarEvent.status = {
      switch event.status {
      case .scheduled: return .confirmed
      case .cancelled: return .cancelled
      case .postponed: return .tentative
      }
    }()
    calendarEvent.sequence = event.sequence
    calendarEvent.categories = event.tags
    if let email = event.contact?.email {
      calendarEvent.organizer = CalendarEvent.Organizer(name: event.contact?.name, email: email)
    } else if let email = site.settings.organisation?.email {
      calendarEvent.organizer = CalendarEvent.Organizer(
        name: site.settings.organisation?.name, email: email)
    }
    if let repetition = event.repetition {
      calendarEvent.recurrenceRule = repetition.ruleText
      calendarEvent.exceptionDates = repetition.exceptions
    }
    calendarEvent.lastOccurrenceEnd = last.endInstant
    if let online = event.online {
      calendarEvent.conference = CalendarEvent.Conference(url: online.url, label: online.platform)
    }
    return Entry(index: index, event: calendarEvent, lastEnd: last.endInstant)
  }

  /// Plain text: the summary, how to join online, then the event's address on the site.
  private func description(_ event: Event) -> String {
    var parts: [String] = []
    if let summary = event.summary { parts.append(summary) }
    if let online = event.online {
      parts.append("\(builder.label("joinOnline")): \(online.url)")
    }
    if event.status == .cancelled { parts.insert(builder.label("cancelled").uppercased(), at: 0) }
    parts.append(urls.absolute(urls.event(event.slug)))
    return parts.joined(separator: "\n\n")
  }
}
