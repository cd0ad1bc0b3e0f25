import Foundation

/// Renders HTML pages through the theme's templates.
struct PageRenderer {
  static let storiesPerPage = 20

  let site: Site
  let theme: Theme
  let tags: TagIndex
  let builder: ViewBuilder

  var urls: SiteURLs { builder.urls }

  /// Every page of the site.
  static func jobs(site: Site, tags: TagIndex) -> [PageJob] {
    var jobs: [PageJob] = [.home, .networks, .events, .notFound]
    jobs += site.networks.indices.map { .network($0) }
    jobs += site.events.indices.map { .event($0) }
    jobs += site.stories.indices.map { .story($0) }
    jobs += site.pages.indices.map { .page($0) }
    jobs += archiveYears(site).map { .archive(year: $0) }
    let storyPages = max(1, (site.stories.count + storiesPerPage - 1) / storiesPerPage)
    jobs += (1...storyPages).map { .stories(page: $0) }
    jobs += tags.slugs.map { .tag($0) }
    jobs += site.newsletters.indices.map { .newsletter($0) }
    jobs.append(.newsletterArchive(nil))
    let networksWithIssues = Set(site.newsletters.compactMap(\.network))
    for network in site.networks where networksWithIssues.contains(network.slug) {
      jobs += [.newsletterArchive(network.slug), .latestNewsletter(network.slug)]
    }
    jobs.append(.calendar)
    jobs += CalendarMonth.months(of: site.occurrences).map {
      .calendarMonth(year: $0.year, month: $0.month)
    }
    jobs += [.share, .embed(.site)]
    jobs += site.networks.indices.map { .embed(.network($0)) }
    jobs += tags.slugs.filter { tags.entries[$0]?.events.isEmpty == false }.map {
      .embed(.topic($0))
    }
    return jobs
  }

  /// Years with past occurrences, newest first.
  static func archiveYears(_ site: Site) -> [Int] {
    Array(Set(site.pastOccurrences.map(\.start.date.year))).sorted(by: >)
  }

  func render(_ job: PageJob) -> OutputFile {
    switch job {
    case .home: return home()
    case .networks: return networks()
    case .network(let index): return network(index)
    case .events: return events()
    case .archive(let year): return archive(year)
    case .event(let index): return event(index)
    case .stories(let page): return stories(page)
    case .story(let index): return story(site.stories[index])
    case .tag(let slug): return tag(slug)
    case .page(let index): return page(site.pages[index])
    case .notFound: return notFound()
    case .newsletter(let index): return newsletter(site.newsletters[index], latest: false)
    case .newsletterArchive(let network): return newsletterArchive(network)
    case .latestNewsletter(let network):
      guard let newest = site.newsletters.first(where: { $0.network == network }) else {
        return notFound()
      }
      return newsletter(newest, latest: true)
    case .calendar: return calendar(month: nil)
    case .calendarMonth(let year, let month):
      return calendar(month: CalendarMonth(year: year, month: month))
    case .embed(let scope): return embed(scope)
    case .share: return share()
    }
  }

  // MARK: The frame every page shares

  func output(
    template: String, path: String, title: String, description: String?, ogType: String = "website",
    image: Image? = nil, feeds: [View] = [], view: View, outputPath: String? = nil,
    sourceFile: String? = nil
  ) -> OutputFile {
    var context = view
    context["lang"] = site.settings.language.rawValue
    context["t"] = builder.textValue
    context["site"] = siteView(currentPath: path)
    let isHome = path == urls.home
    var page = View([
      "title": title,
      "documentTitle": isHome ? site.settings.title : "\(title) · \(site.settings.title)",
      "description": description ?? site.settings.description ?? site.settings.title,
      "canonicalURL": urls.absolute(path), "ogType": ogType,
      "imageAlt": image?.alt,
    ])
    let sharing = image.map { builder.sharingImage($0) }
    page["imageURL"] = sharing?.url
    page["imageWidth"] = sharing?.width.map(String.init)
    page["imageHeight"] = sharing?.height.map(String.init)
    page["feeds"] = [View(["title": builder.label("storiesFeed"), "url": urls.feed])] + feeds
    // Shown by --future before the item's publish time, so a preview is not mistaken for the site.
    page["scheduledText"] = sourceFile.flatMap { site.scheduled[$0] }.map {
      "\(builder.label("scheduled")) \(builder.dates.dateTime($0.written.value))"
    }
    context["page"] = page
    let html = theme.render(context, template: template)
    return OutputFile(path: outputPath ?? urls.outputFile(path), text: html)
  }

  private func siteView(currentPath: String) -> View {
    var menu: [View] = [
      menuItem(builder.label("networks"), urls.networks, currentPath),
      menuItem(builder.label("events"), urls.events, currentPath),
      menuItem(builder.label("calendar"), urls.calendar, currentPath),
      menuItem(builder.label("stories"), urls.stories, currentPath),
      menuItem(builder.label("newsletters"), urls.newsletters, currentPath),
    ]
    menu += site.pages.filter { $0.menu != nil }.map {
      menuItem($0.title, urls.page($0.slug), currentPath)
    }
    var view = View([
      "title": site.settings.title, "description": site.settings.description,
      "homeURL": urls.home, "cssURL": urls.stylesheet, "timeScriptURL": urls.timeScript,
      "feedURL": urls.feed,
      "locale": site.settings.language == .da ? "da_DK" : "en_GB",
      "timeZone": site.settings.timeZone.identifier,
    ])
    view["organisation"] = builder.organisation(site.settings.organisation)
    view["menu"] = menu
    return view
  }

  private func menuItem(_ title: String, _ url: String, _ current: String) -> View {
    var item = View(["title": title, "url": url])
    item["current"] = current.hasPrefix(url)
    return item
  }

  // MARK: Pages

  private func home() -> OutputFile {
    var view = View()
    view["upcoming"] = site.upcomingOccurrences.prefix(6).map(builder.eventCard)
    view["stories"] = site.stories.prefix(6).map(builder.storyCard)
    view["networks"] = site.networks.filter { $0.status != .ended }.map(builder.networkCard)
    view["eventsURL"] = urls.events
    view["storiesURL"] = urls.stories
    view["networksURL"] = urls.networks
    return output(
      template: "home", path: urls.home, title: site.settings.title,
      description: site.settings.description, view: view)
  }

  private func networks() -> OutputFile {
    var view = View()
    view["networks"] = site.networks.filter { $0.status != .ended }.map(builder.networkCard)
    view["endedNetworks"] = site.networks.filter { $0.status == .ended }.map(builder.networkCard)
    return output(
      template: "networks", path: urls.networks, title: builder.label("networks"), description: nil,
      view: view)
  }

  private func network(_ index: Int) -> OutputFile {
    let network = site.networks[index]
    // From the network's own events: filtering every occurrence of the site for each network
    // grows with the square of the site.
    let members = site.members[network.slug] ?? NetworkMembers()
    let occurrences = site.occurrencePositions(of: members).map { site.occurrences[$0] }
    var view = View()
    view["network"] = builder.networkView(network)
    view["upcoming"] = occurrences.filter { $0.endInstant > site.now }.map(builder.eventCard)
    view["past"] = occurrences.filter { $0.endInstant <= site.now }.reversed().map(
      builder.eventCard)
    view["stories"] = members.stories.map { builder.storyCard(site.stories[$0]) }
    view["feedURL"] = urls.networkFeed(network.slug)
    view["subscribe"] = builder.subscribeLinks(
      feedPath: urls.networkCalendarFeed(network.slug),
      name: "\(network.title) · \(site.settings.title)")
    // An ended network's list stays for partners who show it, but is no longer offered.
    view["embed"] = network.status == .ended ? nil : embedSnippet(.network(index))
    let issues = site.newsletters(ofNetwork: network.slug)
    view["newsletters"] = issues.prefix(3).map(builder.newsletterCard)
    view["newslettersURL"] = issues.isEmpty ? nil : urls.newsletters(network: network.slug)
    let feed = View([
      "title": "\(network.title) · \(builder.label("stories"))",
      "url": urls.networkFeed(network.slug),
    ])
    return output(
      template: "network", path: urls.network(network.slug), title: network.title,
      description: network.summary,
      image: network.image, feeds: [feed], view: view, sourceFile: network.file)
  }

  private func archiveYearsView(current: Int?) -> [View] {
    Self.archiveYears(site).map { year in
      var item = View(["year": String(year), "url": urls.archive(year: year)])
      item["current"] = year == current
      return item
    }
  }

  private func events() -> OutputFile {
    var view = View()
    view["upcoming"] = site.upcomingOccurrences.map(builder.eventCard)
    view["archiveYears"] = archiveYearsView(current: nil)
    view["calendarURL"] = urls.calendar
    view["subscribe"] = builder.subscribeLinks(
      feedPath: urls.calendarFeed, name: site.settings.title)
    view["embed"] = embedSnippet(.site)
    return output(
      template: "events", path: urls.events, title: builder.label("upcomingEvents"),
      description: nil, view: view)
  }

  private func archive(_ year: Int) -> OutputFile {
    var view = View(["year": String(year)])
    view["events"] = site.pastOccurrences.filter { $0.start.date.year == year }.map(
      builder.eventCard)
    view["archiveYears"] = archiveYearsView(current: year)
    return output(
      template: "archive", path: urls.archive(year: year),
      title: "\(builder.label("eventsOfYear")) \(year)",
      description: nil, view: view)
  }

  private func event(_ index: Int) -> OutputFile {
    let event = site.events[index]
    var view = View()
    view["event"] = builder.eventView(index)
    return output(
      template: "event", path: urls.event(event.slug), title: event.title,
      description: event.summary,
      image: event.image, view: view, sourceFile: event.file)
  }

  private func stories(_ number: Int) -> OutputFile {
    let total = max(1, (site.stories.count + Self.storiesPerPage - 1) / Self.storiesPerPage)
    let slice = site.stories.dropFirst((number - 1) * Self.storiesPerPage).prefix(
      Self.storiesPerPage)
    var view = View()
    view["stories"] = slice.map(builder.storyCard)
    view["pagination"] = nil
    if total > 1 {
      var pagination = View([
        "current": String(number), "total": String(total),
        "previousURL": number > 1 ? urls.stories(page: number - 1) : nil,
        "nextURL": number < total ? urls.stories(page: number + 1) : nil,
      ])
      pagination["pages"] = PageNumbers.shown(current: number, total: total).map { page in
        guard let page else { return View(["gap": true]) }
        var item = View(["number": String(page), "url": urls.stories(page: page)])
        item["current"] = page == number
        return item
      }
      view["pagination"] = pagination
    }
    let title =
      number == 1
      ? builder.label("stories")
      : "\(builder.label("stories")) · \(builder.label("page")) \(number)"
    return output(
      template: "stories", path: urls.stories(page: number), title: title, description: nil,
      view: view)
  }

  private func story(_ story: Story) -> OutputFile {
    var view = View()
    view["story"] = builder.storyView(story)
    return output(
      template: "story", path: urls.story(story.slug), title: story.title,
      description: story.effectiveSummary,
      ogType: "article", image: story.image, view: view, sourceFile: story.file)
  }

  private func tag(_ slug: Slug) -> OutputFile {
    guard let entry = tags.entries[slug] else { return notFound() }
    let occurrences = occurrences(ofTopic: slug)
    var view = View()
    view["tag"] = View(["name": entry.name])
    view["upcoming"] = occurrences.filter { $0.endInstant > site.now }.map(builder.eventCard)
    view["past"] = occurrences.filter { $0.endInstant <= site.now }.reversed().map(
      builder.eventCard)
    view["stories"] = entry.stories.map { builder.storyCard(site.stories[$0]) }
    view["networks"] = entry.networks.map { builder.networkCard(site.networks[$0]) }
    return output(
      template: "tag", path: urls.topic(slug), title: entry.name, description: nil, view: view)
  }

  /// The occurrences of the events that carry a topic, in order of start: its page and its
  /// embeddable list.
  func occurrences(ofTopic slug: Slug) -> [Occurrence] {
    let events = Set(tags.entries[slug]?.events ?? [])
    return site.occurrences.filter { events.contains($0.eventIndex) }
  }

  private func page(_ page: Page) -> OutputFile {
    var view = View()
    view["content"] = builder.pageView(page)
    return output(
      template: "page", path: urls.page(page.slug), title: page.title, description: page.summary,
      view: view, sourceFile: page.file)
  }

  /// A month of the calendar; `nil` is the entry page, which shows the month of `now`.
  private func calendar(month: CalendarMonth?) -> OutputFile {
    let today = LocalDateTime(instant: site.now, in: site.settings.timeZone).date
    let shown = month ?? CalendarMonth(today)
    let months = CalendarMonth.months(of: site.occurrences)
    let view = builder.calendarMonthView(shown, months: months, today: today)
    let path = month.map { urls.calendar(year: $0.year, month: $0.month) } ?? urls.calendar
    let monthName = builder.dates.monthAndYear(shown.first)
    return output(
      template: "calendar", path: path, title: "\(builder.label("calendar")): \(monthName)",
      description: "\(builder.label("eventsIn")) \(monthName)", view: view)
  }

  /// An issue's web version; `latest` is the same page at the network's "newest issue" address,
  /// whose canonical URL is the issue's own.
  private func newsletter(_ newsletter: Newsletter, latest: Bool) -> OutputFile {
    var view = View()
    view["newsletter"] = builder.newsletterView(newsletter, absolute: false)
    let path = builder.newsletterPath(newsletter)
    var file = output(
      template: "newsletter", path: path, title: builder.newsletterTitle(newsletter),
      description: newsletter.preheader, ogType: "article",
      feeds: newsletterFeeds(newsletter.network),
      view: view, sourceFile: newsletter.file)
    if latest, let network = newsletter.network {
      file.path = urls.outputFile(urls.latestNewsletter(network: network))
    }
    return file
  }

  private func newsletterFeeds(_ network: Slug?) -> [View] {
    guard let network, let title = site.network(network)?.title else { return [] }
    return [
      View([
        "title": "\(title) · \(builder.label("newsletters"))",
        "url": urls.newsletterFeed(network: network),
      ])
    ]
  }

  private func newsletterArchive(_ network: Slug?) -> OutputFile {
    var view = View()
    let issues = network.map { site.newsletters(ofNetwork: $0) } ?? site.newsletters
    if let network, let item = site.network(network) {
      view["issues"] = issues.map(builder.newsletterCard)
      view["network"] = View(["title": item.title, "url": urls.network(network)])
      view["feedURL"] = urls.newsletterFeed(network: network)
      view["groups"] = [View]()
      return output(
        template: "newsletters", path: urls.newsletters(network: network),
        title: "\(builder.label("newsletters")): \(item.title)", description: item.summary,
        feeds: newsletterFeeds(network), view: view)
    }
    // The whole site: the joint issues first, then each network's.
    var groups: [View] = []
    let joint = issues.filter { $0.network == nil }
    if !joint.isEmpty {
      var group = View(["title": builder.label("siteWideNewsletters"), "url": nil, "feedURL": nil])
      group["issues"] = joint.map(builder.newsletterCard)
      groups.append(group)
    }
    for item in site.networks {
      let own = issues.filter { $0.network == item.slug }
      guard !own.isEmpty else { continue }
      var group = View([
        "title": item.title, "url": urls.newsletters(network: item.slug),
        "feedURL": urls.newsletterFeed(network: item.slug),
      ])
      group["issues"] = own.map(builder.newsletterCard)
      groups.append(group)
    }
    view["groups"] = groups
    view["issues"] = [View]()
    view["network"] = nil
    view["feedURL"] = nil
    return output(
      template: "newsletters", path: urls.newsletters, title: builder.label("newsletters"),
      description: nil, view: view)
  }

  private func notFound() -> OutputFile {
    output(
      template: "404", path: urls.notFound, title: builder.label("notFoundTitle"), description: nil,
      view: View(),
      outputPath: "404.html")
  }
}
