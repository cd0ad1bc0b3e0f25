import Foundation

/// The coming meetings as a JSON Feed 1.1 (SITE.md, "JSON feeds"), for partners' sites and
/// tools: one item per event page, its meetings as the schema.org `Event`s of the event page's
/// JSON-LD in the `_kreds` extension. It holds the same meetings as the matching `.ics` from
/// `now` on, and the gate checks that they agree.
struct EventJSONFeed {
  /// The version of the `_kreds` extension. Raise it only for a change that breaks a reader;
  /// fields may be added without it.
  static let extensionVersion = "1"

  let site: Site
  let builder: ViewBuilder

  var urls: SiteURLs { builder.urls }

  /// The feed of every coming meeting of the site.
  func siteFile() -> OutputFile {
    var top: [String: JSONValue] = [
      "title": .string("\(builder.label("embedTitle")) · \(site.settings.title)"),
      "home_page_url": .string(urls.absolute(urls.events)),
      "feed_url": .string(urls.absolute(urls.calendarJSONFeed)),
    ]
    if let description = site.settings.description { top["description"] = .string(description) }
    return file(
      path: urls.calendarJSONFeed, top: top, calendarPath: urls.calendarFeed,
      occurrences: site.upcomingOccurrences)
  }

  /// The feed of one network's coming meetings; a network with none has an empty `items`.
  func networkFile(_ index: Int) -> OutputFile {
    let network = site.networks[index]
    var top: [String: JSONValue] = [
      "title": .string("\(builder.label("embedTitle")) · \(network.title)"),
      "home_page_url": .string(urls.absolute(urls.network(network.slug))),
      "feed_url": .string(urls.absolute(urls.networkCalendarJSONFeed(network.slug))),
    ]
    top["description"] = .string(network.summary)
    return file(
      path: urls.networkCalendarJSONFeed(network.slug), top: top,
      calendarPath: urls.networkCalendarFeed(network.slug),
      occurrences: site.upcomingOccurrences(ofNetwork: network.slug))
  }

  private func file(
    path: String, top: [String: JSONValue], calendarPath: String, occurrences: [Occurrence]
  ) -> OutputFile {
    var feed = top
    feed["version"] = .string("https://jsonfeed.org/version/1.1")
    feed["language"] = .string(site.settings.language.rawValue)
    let author = site.settings.organisation
    var authorObject: [String: JSONValue] = [
      "name": .string(author?.name ?? site.settings.title)
    ]
    authorObject["url"] = .string(author?.url ?? urls.absolute(urls.home))
    feed["authors"] = .array([.object(authorObject)])
    feed["_kreds"] = .object([
      "about": .string(urls.absolute(urls.share) + "#json"),
      "version": .string(Self.extensionVersion),
      "calendar": .string(urls.absolute(calendarPath)),
    ])
    // One item per event, in the order of its next meeting.
    var order: [Int] = []
    var meetings: [Int: [Occurrence]] = [:]
    for occurrence in occurrences {
      if meetings[occurrence.eventIndex] == nil { order.append(occurrence.eventIndex) }
      meetings[occurrence.eventIndex, default: []].append(occurrence)
    }
    // Two events whose next meetings start together come in order of title.
    order.sort { left, right in
      let leftStart = meetings[left]?.first?.startInstant ?? .distantFuture
      let rightStart = meetings[right]?.first?.startInstant ?? .distantFuture
      if leftStart != rightStart { return leftStart < rightStart }
      return site.events[left].title < site.events[right].title
    }
    feed["items"] = .array(order.map { item(event: $0, meetings: meetings[$0] ?? []) })
    return OutputFile(path: urls.outputFile(path), text: JSONValue.object(feed).text + "\n")
  }

  private func item(event index: Int, meetings: [Occurrence]) -> JSONValue {
    let event = site.events[index]
    var item: [String: JSONValue] = [
      "id": .string(site.calendarUID(of: event)),
      "url": .string(urls.absolute(urls.event(event.slug))),
      "title": .string(event.title),
      "content_text": .string(event.summary ?? event.title),
    ]
    if let summary = event.summary { item["summary"] = .string(summary) }
    if let image = event.image {
      item["image"] = .string(builder.sharingImage(image).url)
    }
    if !event.tags.isEmpty { item["tags"] = .array(event.tags.map(JSONValue.string)) }
    var kreds: [String: JSONValue] = [
      "status": .string(event.status.rawValue),
      "calendar": .string(urls.absolute(urls.eventCalendarFile(event.slug))),
      "networks": .array(
        event.networkSlugs.compactMap { site.network($0) }.map { network in
          .object([
            "slug": .string(network.slug.rawValue), "title": .string(network.title),
            "url": .string(urls.absolute(urls.network(network.slug))),
          ])
        }),
      "meetings": .array(
        meetings.map {
          .object(EventJSONLD.object(event: event, occurrence: $0, builder: builder))
        }),
    ]
    if let location = event.location {
      var place: [String: JSONValue] = [
        "name": .string(location.name), "country": .string(location.country),
      ]
      if let address = location.address { place["address"] = .string(address) }
      if let code = location.postalCode { place["postal_code"] = .string(code) }
      if let city = location.city { place["city"] = .string(city) }
      kreds["location"] = .object(place)
    }
    if let online = event.online {
      var access: [String: JSONValue] = ["url": .string(online.url)]
      if let platform = online.platform { access["platform"] = .string(platform) }
      kreds["online"] = .object(access)
    }
    if let registration = event.registration {
      var signUp: [String: JSONValue] = [
        "closed": .bool(builder.isRegistrationClosed(event, registration, next: meetings.first))
      ]
      if let url = registration.url { signUp["url"] = .string(url) }
      if let email = registration.email { signUp["email"] = .string(email) }
      if let deadline = registration.deadline {
        signUp["deadline"] = .string(builder.dates.iso(deadline, in: event.timeZone))
      }
      kreds["registration"] = .object(signUp)
    }
    item["_kreds"] = .object(kreds)
    return .object(item)
  }
}
