import Foundation

/// The render step: ``Site`` → every output file, on all cores.
public enum SiteRenderer {
  public static func render(_ site: Site, theme: Theme) -> [OutputFile] {
    let tags = TagIndex(site: site)
    let cards = ViewBuilder.eventCards(of: site)
    let builder = ViewBuilder(site: site)
    // Pages, feeds, calendar files and emails in one pool, so that no core waits for another to
    // finish a kind of work before the next starts. Jobs are listed in the order their files
    // come in the result, and run costliest first (the whole-site feeds, then the many cheap
    // files), so that no long job starts last.
    var list = PageRenderer.jobs(site: site, tags: tags).map(Job.page)
    let tailStart = list.count
    list.append(.feed(.stories))
    list += site.networks.indices.map { .feed(.networkStories($0)) }
    for index in site.networks.indices
    where site.newsletters.contains(where: { $0.network == site.networks[index].slug }) {
      list.append(.feed(.newsletters(index)))
    }
    list += CalendarFeeds(site: site, builder: builder).files().map(Job.calendar)
    list += site.newsletters.indices.map(Job.emails)
    let jobs = list
    let order = Array(jobs.indices[tailStart...]) + Array(jobs.indices[..<tailStart])
    // One renderer per worker: its date formatters are not shared between threads.
    let results = Parallel.map(
      order,
      makeWorker: {
        PageRenderer(
          site: site, theme: theme, tags: tags, builder: ViewBuilder(site: site, cards: cards))
      }
    ) { renderer, index in jobs[index].render(renderer) }
    var filesOfJob = [[OutputFile]](repeating: [], count: jobs.count)
    for (index, files) in zip(order, results) { filesOfJob[index] = files }
    var files = filesOfJob.flatMap { $0 }

    files.append(sitemap(files: files, urls: builder.urls))
    files.append(
      OutputFile(
        path: "robots.txt",
        text: "User-agent: *\nAllow: /\n\nSitemap: \(builder.urls.absolute(builder.urls.sitemap))\n"
      ))
    for (name, bytes) in theme.assets {
      files.append(OutputFile(path: "assets/" + name, content: .bytes(bytes)))
    }
    for path in site.media { files.append(OutputFile(path: path, content: .contentFile(path))) }
    return files.sorted { $0.path < $1.path }
  }

  /// One piece of the render step, run on any worker thread.
  private enum Job: Sendable {
    case page(PageJob)
    case feed(Feed)
    case calendar(CalendarFeeds.File)
    /// The email files of the newsletter at this index.
    case emails(Int)

    /// The Atom feeds: every story, a network's stories, a network's newsletter issues.
    enum Feed: Sendable {
      case stories
      case networkStories(Int)
      case newsletters(Int)
    }

    func render(_ renderer: PageRenderer) -> [OutputFile] {
      let site = renderer.site
      switch self {
      case .page(let job):
        return [renderer.render(job)]
      case .feed(let feed):
        return [SiteRenderer.feed(feed, site: site, builder: renderer.builder)]
      case .calendar(let file):
        return [file.written()]
      case .emails(let index):
        return NewsletterEmail(builder: renderer.builder, theme: renderer.theme).files(
          site.newsletters[index])
      }
    }
  }

  private static func feed(_ feed: Job.Feed, site: Site, builder: ViewBuilder) -> OutputFile {
    let writer = AtomWriter(builder: builder)
    let urls = builder.urls
    switch feed {
    case .stories:
      return writer.feed(
        title: site.settings.title, subtitle: site.settings.description, feedPath: urls.feed,
        pagePath: urls.stories,
        stories: site.stories)
    case .networkStories(let index):
      let network = site.networks[index]
      return writer.feed(
        title: "\(network.title) · \(builder.label("stories"))", subtitle: network.summary,
        feedPath: urls.networkFeed(network.slug), pagePath: urls.network(network.slug),
        stories: site.stories.filter { $0.networkSlugs.contains(network.slug) })
    case .newsletters(let index):
      // Newsletter feeds carry the whole issue: introduction, stories and meetings.
      let network = site.networks[index]
      let issues = site.newsletters.filter { $0.network == network.slug }
      return writer.newsletterFeed(network: network, issues: issues) { issue in
        NewsletterEmail.feedHTML(issue, builder: builder)
      }
    }
  }

  static func sitemap(files: [OutputFile], urls: SiteURLs) -> OutputFile {
    var xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    let pages = files.map(\.path).filter { $0.hasSuffix("index.html") }.sorted()
    for page in pages {
      let path = urls.basePath + page.dropLast("index.html".count)
      xml += "  <url><loc>\(XMLText.escape(urls.absolute(path)))</loc></url>\n"
    }
    xml += "</urlset>\n"
    return OutputFile(path: "sitemap.xml", text: xml)
  }
}
