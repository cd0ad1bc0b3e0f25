extension PageJob {
  /// The file the job renders, known before it renders: `serve` looks pages up by it and renders
  /// only the page asked for. `PageRenderer.render(_:)` gives its files these paths (a test
  /// checks every job of the example site).
  func outputPath(site: Site, urls: SiteURLs) -> String {
    let path: String
    switch self {
    case .home: path = urls.home
    case .networks: path = urls.networks
    case .network(let index): path = urls.network(site.networks[index].slug)
    case .events: path = urls.events
    case .archive(let year): path = urls.archive(year: year)
    case .event(let index): path = urls.event(site.events[index].slug)
    case .stories(let page): path = urls.stories(page: page)
    case .story(let index): path = urls.story(site.stories[index].slug)
    case .tag(let slug): path = urls.topic(slug)
    case .page(let index): path = urls.page(site.pages[index].slug)
    case .notFound: return "404.html"
    case .newsletter(let index):
      let newsletter = site.newsletters[index]
      path = urls.newsletter(network: newsletter.network, slug: newsletter.slug)
    case .newsletterArchive(let network):
      path = network.map { urls.newsletters(network: $0) } ?? urls.newsletters
    case .latestNewsletter(let network): path = urls.latestNewsletter(network: network)
    case .calendar: path = urls.calendar
    case .calendarMonth(let year, let month): path = urls.calendar(year: year, month: month)
    case .embed(let scope): path = scope.path(site: site, urls: urls)
    case .share: path = urls.share
    case .accessibility: path = urls.accessibility
    case .search: path = urls.search
    }
    return urls.outputFile(path)
  }
}

extension PageJob.EmbedScope {
  /// The address of the embeddable list: `arrangementer/indlejr/`, `netvaerk/<n>/indlejr/`,
  /// `emner/<t>/indlejr/`.
  func path(site: Site, urls: SiteURLs) -> String {
    switch self {
    case .site: return urls.eventsEmbed
    case .network(let index): return urls.networkEmbed(site.networks[index].slug)
    case .topic(let slug): return urls.topicEmbed(slug)
    }
  }
}
