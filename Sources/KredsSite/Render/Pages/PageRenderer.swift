import Foundation

/// Renders HTML pages through the theme's templates.
struct PageRenderer {
  static let storiesPerPage = 20

  let site: Site
  let theme: Theme
  let tags: TagIndex
  let calendar: CalendarIndex
  let builder: ViewBuilder

  var urls: SiteURLs { builder.urls }

  /// Every page of the site.
  static func jobs(site: Site, tags: TagIndex, calendar: CalendarIndex) -> [PageJob] {
    var jobs: [PageJob] = [.home, .networks, .events, .notFound]
    jobs += site.networks.indices.map { .network($0) }
    jobs += site.events.indices.map { .event($0) }
    jobs += site.stories.indices.map { .story($0) }
    jobs += site.pages.indices.map { .page($0) }
    jobs += calendar.archiveYears.map { .archive(year: $0) }
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
    jobs += calendar.months.map {
      .calendarMonth(year: $0.year, month: $0.month)
    }
    jobs += [.share, .embed(.site)]
    if site.settings.accessibilityStatement != nil { jobs.append(.accessibility) }
    if site.settings.search { jobs.append(.search) }
    jobs += site.networks.indices.map { .embed(.network($0)) }
    jobs += tags.slugs.filter { tags.entries[$0]?.events.isEmpty == false }.map {
      .embed(.topic($0))
    }
    return jobs
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
    case .accessibility: return accessibility()
    case .search: return search()
    }
  }

  // MARK: The frame every page shares

  func output(
    template: String, path: String, title: String, description: String?, ogType: String = "website",
    image: Image? = nil, feeds: [View] = [], view: View, outputPath: String? = nil,
    sourceFile: String? = nil, framesOwnPages: Bool = false
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
    page["contentSecurityPolicy"] = ContentSecurityPolicy(
      imageOrigins: site.externalImageOrigins
    ).value(framesOwnPages: framesOwnPages)
    // Shown by --future before the item's publish time, so a preview is not mistaken for the site.
    page["scheduledText"] = sourceFile.flatMap { site.scheduled[$0] }.map {
      "\(builder.label("scheduled")) \(builder.dates.dateTime($0.written.value))"
    }
    context["page"] = page
    let html = theme.render(context, template: template)
    return OutputFile(path: outputPath ?? urls.outputFile(path), text: html)
  }

  func siteView(currentPath: String) -> View {
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
      "searchURL": site.settings.search ? urls.search : nil,
      "feedURL": urls.feed,
      "locale": site.settings.language == .da ? "da_DK" : "en_GB",
      "timeZone": site.settings.timeZone.identifier,
    ])
    view["organisation"] = builder.organisation(site.settings.organisation)
    view["accessibilityStatementURL"] = site.settings.accessibilityStatement
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

  private func page(_ page: Page) -> OutputFile {
    var view = View()
    view["content"] = builder.pageView(page)
    return output(
      template: "page", path: urls.page(page.slug), title: page.title, description: page.summary,
      view: view, sourceFile: page.file)
  }

  /// The search page: the form, the filters and the results list that `assets/search.js`
  /// fills from the index; without JavaScript it says so and links the lists.
  func search() -> OutputFile {
    var view = View([
      "dataURL": urls.searchData, "scriptURL": urls.basePath + "assets/search.js",
      "eventsURL": urls.events, "storiesURL": urls.stories, "networksURL": urls.networks,
      "newslettersURL": urls.newsletters, "calendarURL": urls.calendar,
    ])
    view["networks"] = site.networks.map {
      View(["slug": $0.slug.rawValue, "title": $0.title])
    }
    return output(
      template: "search", path: urls.search, title: builder.label("searchTitle"),
      description: nil, view: view)
  }

  /// `/was/`: the page Danish public bodies' sites answer with their accessibility statement.
  /// It sends the reader on at once and shows the link, with no script (SITE.md).
  func accessibility() -> OutputFile {
    output(
      template: "was", path: urls.accessibility, title: builder.label("accessibilityStatement"),
      description: nil,
      view: View(["statementURL": site.settings.accessibilityStatement ?? urls.home]))
  }

  func notFound() -> OutputFile {
    output(
      template: "404", path: urls.notFound, title: builder.label("notFoundTitle"), description: nil,
      view: View(),
      outputPath: "404.html")
  }
}
