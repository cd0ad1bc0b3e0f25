import Foundation

/// Every file of the site before any is rendered: the render jobs, the files each one makes,
/// and the files that need no rendering (sitemap, robots.txt, assets, media). `build` renders
/// all of it; `serve` renders a job when one of its files is asked for.
public struct SitePlan: Sendable {
  public let site: Site
  let theme: Theme
  let tags: TagIndex
  let calendar: CalendarIndex
  let cards: [OccurrenceKey: View]
  let jobs: [Job]
  /// The files of each job, in the order the job returns them.
  let pathsOfJob: [[String]]
  /// The files made without rendering, by path.
  let fixedFiles: [String: OutputFile]
  /// The job making each rendered file.
  let jobOfPath: [String: Int]

  /// With `onRequest`, work that pays off only when every file is rendered is left to the
  /// files that need it: event cards are made by each page, and calendar events by each iCal
  /// file. The files are the same bytes either way.
  public init(site: Site, theme: Theme, onRequest: Bool = false) {
    self.site = site
    self.theme = theme
    let urls = SiteURLs(settings: site.settings)
    // Pages on another core, while this one lists the feeds, calendar files and emails.
    let (pages, (others, searchFiles)) = Parallel.both({
      PagePlan(site: site, urls: urls, onRequest: onRequest)
    }) {
      (
        JobList.feedsAndFiles(site: site, urls: urls, onRequest: onRequest),
        site.settings.search
          ? SearchIndex(site: site, builder: ViewBuilder(site: site)).files(
            folder: String(urls.searchData.dropFirst(urls.basePath.count)))
          : []
      )
    }
    tags = pages.tags
    calendar = pages.calendar
    cards = pages.cards
    jobs = pages.jobs.jobs + others.jobs
    pathsOfJob = pages.jobs.paths + others.paths
    var jobOfPath: [String: Int] = [:]
    jobOfPath.reserveCapacity(pathsOfJob.reduce(0) { $0 + $1.count })
    for (index, paths) in pathsOfJob.enumerated() {
      for path in paths { jobOfPath[path] = index }
    }
    self.jobOfPath = jobOfPath

    var fixed = [
      OutputFile(
        path: "robots.txt",
        text: "User-agent: *\nAllow: /\n\nSitemap: \(urls.absolute(urls.sitemap))\n")
    ]
    // A preview seldom shows the sitemap: it is made when asked for.
    if !onRequest {
      fixed.append(Self.sitemap(jobs: jobs, pathsOfJob: pathsOfJob, site: site, urls: urls))
    }
    for (name, bytes) in theme.assets {
      fixed.append(OutputFile(path: "assets/" + name, content: .bytes(bytes)))
    }
    fixed += Self.mediaFiles(of: site)
    fixed += searchFiles
    fixedFiles = Dictionary(fixed.map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
  }

  /// The sitemap lists every page the jobs make, but the embeddable lists.
  static func sitemap(jobs: [Job], pathsOfJob: [[String]], site: Site, urls: SiteURLs)
    -> OutputFile
  {
    var lastChanged: [String: Date] = [:]
    let listed = zip(jobs, pathsOfJob).flatMap { job, paths -> [String] in
      guard case .page(let page) = job else { return paths }
      if !page.isInSitemap { return [] }
      if let changed = page.lastChanged(site: site) {
        for path in paths { lastChanged[path] = changed }
      }
      return paths
    }
    return Sitemap.file(
      pages: listed, lastChanged: lastChanged, zone: site.settings.timeZone, urls: urls)
  }

  /// The sitemap, when the plan was made to render on request and left it out.
  func sitemap() -> OutputFile {
    fixedFiles["sitemap.xml"]
      ?? Self.sitemap(
        jobs: jobs, pathsOfJob: pathsOfJob, site: site, urls: SiteURLs(settings: site.settings))
  }

  /// Every path of the site, sorted.
  public var paths: [String] {
    Array(Set(jobOfPath.keys).union(fixedFiles.keys).union(["sitemap.xml"])).sorted()
  }

  /// How many HTML pages the site has.
  public var pageCount: Int {
    jobOfPath.keys.count { $0.hasSuffix(".html") } + fixedFiles.keys.count { $0.hasSuffix(".html") }
  }

  /// Whether `path` is a file of the site.
  public func contains(_ path: String) -> Bool {
    jobOfPath[path] != nil || fixedFiles[path] != nil || path == "sitemap.xml"
  }

  /// The indices of the jobs making newsletter emails, whose sizes `serve` checks after a build.
  public var emailJobs: [Int] {
    jobs.indices.filter { if case .emails = jobs[$0] { return true } else { return false } }
  }

  /// One renderer per thread: its date formatters are not shared between threads.
  public func makeRenderer() -> Renderer {
    Renderer(
      page: PageRenderer(
        site: site, theme: theme, tags: tags, calendar: calendar,
        builder: ViewBuilder(site: site, cards: cards)))
  }

  /// The renderer of a thread; opaque outside this module.
  public struct Renderer {
    let page: PageRenderer
  }

  /// The files of job `index`.
  public func render(job index: Int, with renderer: Renderer) -> [OutputFile] {
    jobs[index].render(renderer.page)
  }

  /// The job making `path`, or nil for a file made without rendering or not in the site.
  public func job(making path: String) -> Int? { jobOfPath[path] }

  /// The file at `path` when it is made without rendering.
  public func fixedFile(_ path: String) -> OutputFile? { fixedFiles[path] }

  /// Every file, sorted by path, rendered on all cores.
  public func renderAll() -> [OutputFile] {
    // Pages, feeds, calendar files and emails in one pool, so that no core waits for another to
    // finish a kind of work before the next starts. The costliest jobs (the whole-site feeds, then
    // the many cheap files) run first, so that no long job starts last.
    let pageJobs = jobs.prefix { if case .page = $0 { return true } else { return false } }.count
    let order = Array(jobs.indices[pageJobs...]) + Array(jobs.indices[..<pageJobs])
    let results = Parallel.map(order, makeWorker: makeRenderer) { renderer, index in
      render(job: index, with: renderer)
    }
    var files = Array(fixedFiles.values)
    for rendered in results { files += rendered }
    return files.sorted { $0.path < $1.path }
  }

  /// One piece of the render step, run on any worker thread.
  enum Job: Sendable {
    case page(PageJob)
    case feed(Feed)
    case calendar(CalendarFeeds.File)
    /// An iCal file whose events are made when it is rendered.
    case calendarFeed(CalendarFeeds.Feed, path: String)
    /// The email files of the newsletter at this index.
    case emails(Int)

    /// The Atom feeds (every story, a network's stories, a network's newsletter issues) and the
    /// JSON feeds of coming meetings (the site's, a network's).
    enum Feed: Sendable {
      case stories
      case networkStories(Int)
      case newsletters(Int)
      case meetings
      case networkMeetings(Int)
    }

    /// The files the job makes, in the order `render` returns them.
    func outputPaths(site: Site, urls: SiteURLs) -> [String] {
      switch self {
      case .page(let job): return [job.outputPath(site: site, urls: urls)]
      case .feed(.stories): return [urls.outputFile(urls.feed)]
      case .feed(.networkStories(let index)):
        return [urls.outputFile(urls.networkFeed(site.networks[index].slug))]
      case .feed(.newsletters(let index)):
        return [urls.outputFile(urls.newsletterFeed(network: site.networks[index].slug))]
      case .feed(.meetings): return [urls.outputFile(urls.calendarJSONFeed)]
      case .feed(.networkMeetings(let index)):
        return [urls.outputFile(urls.networkCalendarJSONFeed(site.networks[index].slug))]
      case .calendar(let file): return [file.path]
      case .calendarFeed(_, let path): return [path]
      case .emails(let index):
        return NewsletterEmail.outputPaths(of: site.newsletters[index], urls: urls)
      }
    }

    func render(_ renderer: PageRenderer) -> [OutputFile] {
      let site = renderer.site
      switch self {
      case .page(let job):
        return [renderer.render(job)]
      case .feed(let feed):
        return [Self.feed(feed, site: site, builder: renderer.builder)]
      case .calendar(let file):
        return [file.written()]
      case .calendarFeed(let feed, _):
        return [CalendarFeeds(site: site, builder: renderer.builder).file(feed).written()]
      case .emails(let index):
        return NewsletterEmail(builder: renderer.builder, theme: renderer.theme).files(
          site.newsletters[index])
      }
    }

    private static func feed(_ feed: Feed, site: Site, builder: ViewBuilder) -> OutputFile {
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
          stories: (site.members[network.slug]?.stories ?? []).map { site.stories[$0] })
      case .newsletters(let index):
        // Newsletter feeds carry the whole issue: introduction, stories and meetings.
        let network = site.networks[index]
        let issues = site.newsletters(ofNetwork: network.slug)
        return writer.newsletterFeed(network: network, issues: issues) { issue in
          NewsletterEmail.feedHTML(issue, builder: builder)
        }
      case .meetings:
        return EventJSONFeed(site: site, builder: builder).siteFile()
      case .networkMeetings(let index):
        return EventJSONFeed(site: site, builder: builder).networkFile(index)
      }
    }
  }
}
