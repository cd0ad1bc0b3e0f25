import Foundation
import KredsTemplates

/// Builds the view models of cards, people and items: dates already formatted, URLs already made.
/// One per render task (it holds date formatters).
final class ViewBuilder {
  let site: Site
  let urls: SiteURLs
  let dates: DateText
  let text: [String: String]
  /// `text` as templates see it (`t`), converted once rather than for every page.
  let textValue: TemplateValue

  /// Cards made beforehand for every occurrence (``eventCards(of:)``): an event is on up to a
  /// dozen lists (network, tags, month, year, home), each of which would make its card again.
  let madeCards: [OccurrenceKey: View]

  init(site: Site, cards: [OccurrenceKey: View] = [:]) {
    self.site = site
    madeCards = cards
    urls = SiteURLs(settings: site.settings)
    dates = DateText(language: site.settings.language)
    text = InterfaceText.table(for: site.settings.language)
    textValue = text.templateValue
  }

  func label(_ key: String) -> String { text[key] ?? key }

  // MARK: Shared pieces

  func networkLinks(_ slugs: [Slug]) -> [View] {
    slugs.compactMap { slug in
      site.network(slug).map { View(["title": $0.title, "url": urls.network(slug)]) }
    }
  }

  func tagLinks(_ tags: [String]) -> [View] {
    tags.compactMap { tag in
      Slug.make(from: tag).map { View(["name": tag, "url": urls.topic($0)]) }
    }
  }

  func person(_ person: Person?) -> View? {
    guard let person else { return nil }
    return View([
      "name": person.name, "role": person.role, "organisation": person.organisation,
      "email": person.email, "emailURL": person.email.map { "mailto:" + $0 },
      "phone": person.phone,
      "phoneURL": person.phone.map { "tel:" + $0.filter { $0.isNumber || $0 == "+" } },
    ])
  }

  func organisation(_ organisation: Organisation?) -> View? {
    guard let organisation else { return nil }
    return View([
      "name": organisation.name, "url": organisation.url, "email": organisation.email,
      "emailURL": organisation.email.map { "mailto:" + $0 },
    ])
  }

  /// The body's HTML with its link placeholders replaced by the resolved URLs.
  /// With `absolute`, links to the site's own pages and media are full URLs (for feeds).
  func bodyHTML(_ body: Body, file: String, absolute: Bool = false) -> String {
    guard !body.links.isEmpty, let targets = site.linkTargets[file] else { return body.html }
    return body.html(
      linkingWith: { index in
        guard index < targets.count else { return Body.placeholder(index) }
        if targets[index] == .withheld { return nil }
        var url = urls.url(of: targets[index])
        if absolute, url.hasPrefix("/") { url = urls.absolute(url) }
        return HTMLText.escape(url)
      },
      imageMarkup: { index in
        guard index < targets.count, case .media(let path) = targets[index] else { return nil }
        return bodyImage(path, absolute: absolute)
      })
  }

  // MARK: Cards

  func eventCard(_ occurrence: Occurrence) -> View {
    madeCards[OccurrenceKey(occurrence)] ?? makeEventCard(occurrence)
  }

  /// The card of every occurrence of the site, made on all cores.
  static func eventCards(of site: Site) -> [OccurrenceKey: View] {
    let cards = Parallel.map(site.occurrences, makeWorker: { ViewBuilder(site: site) }) {
      builder, occurrence in builder.makeEventCard(occurrence)
    }
    return Dictionary(
      zip(site.occurrences.map(OccurrenceKey.init), cards), uniquingKeysWith: { first, _ in first })
  }

  private func makeEventCard(_ occurrence: Occurrence) -> View {
    let event = site.event(of: occurrence)
    var card = View([
      "title": event.title, "url": urls.event(event.slug),
      "dateText": occurrence.start.date == occurrence.end.date
        ? dates.long(occurrence.start.date)
        : dates.when(
          start: LocalDateTime(date: occurrence.start.date, time: nil),
          end: LocalDateTime(date: occurrence.end.date, time: nil)),
      "timeText": dates.timeRange(start: occurrence.start, end: occurrence.end),
      "whenText": dates.when(start: occurrence.start, end: occurrence.end),
      "startISO": dates.iso(occurrence.start, in: event.timeZone),
      "day": String(occurrence.start.date.day),
      "monthShort": dates.monthShort(occurrence.start.date),
      "year": String(occurrence.start.date.year),
      "locationText": event.location.map {
        [$0.name, $0.city].compactMap { $0 }.joined(separator: ", ")
      },
      "onlinePlatform": event.online.map { $0.platform ?? label("online") },
      "summary": event.summary,
      "statusLabel": statusLabel(event.status),
    ])
    card["online"] = event.online != nil
    card["networks"] = networkLinks(event.networkSlugs)
    card["cancelled"] = event.status == .cancelled
    card["postponed"] = event.status == .postponed
    card["series"] = event.repetition != nil
    card["occurrence"] = occurrenceAttributes(occurrence)
    // The reader's browser keeps this true as time passes (assets/time.js).
    card["happening"] = occurrence.startInstant <= site.now && site.now < occurrence.endInstant
    return card
  }

  func statusLabel(_ status: EventStatus) -> String? {
    switch status {
    case .scheduled: return nil
    case .cancelled: return label("cancelled")
    case .postponed: return label("postponed")
    }
  }

  func storyCard(_ story: Story) -> View {
    var card = View([
      "title": story.title, "url": urls.story(story.slug), "dateText": dates.long(story.date.date),
      "dateISO": dates.iso(story.date, in: site.settings.timeZone),
      "summary": story.effectiveSummary,
    ])
    card["networks"] = networkLinks(story.networkSlugs)
    card["image"] = image(story.image)
    return card
  }

  func networkCard(_ network: Network) -> View {
    var card = View([
      "title": network.title, "url": urls.network(network.slug), "summary": network.summary,
      "region": network.region,
      "statusLabel": network.status == .active
        ? nil : label(network.status == .ended ? "ended" : "paused"),
    ])
    card["ended"] = network.status == .ended
    card["paused"] = network.status == .paused
    return card
  }
}
