import Foundation

/// The render step: ``Site`` → every output file, HTML pages in parallel on all cores.
public enum SiteRenderer {
  public static func render(_ site: Site, theme: Theme) -> [OutputFile] {
    let tags = TagIndex(site: site)
    let jobs = PageRenderer.jobs(site: site, tags: tags)
    let cards = ViewBuilder.eventCards(of: site)
    // One renderer per worker: its date formatters are not shared between threads.
    var files = Parallel.map(
      jobs,
      makeWorker: {
        PageRenderer(
          site: site, theme: theme, tags: tags, builder: ViewBuilder(site: site, cards: cards))
      }
    ) { renderer, job in renderer.render(job) }
    let builder = ViewBuilder(site: site)
    files += feeds(site, builder: builder)
    files += CalendarFeeds(site: site, builder: builder).files()
    let emails = NewsletterEmail(builder: builder, theme: theme)
    files += site.newsletters.flatMap(emails.files)
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

  static func feeds(_ site: Site, builder: ViewBuilder) -> [OutputFile] {
    let writer = AtomWriter(builder: builder)
    let urls = builder.urls
    var files = [
      writer.feed(
        title: site.settings.title, subtitle: site.settings.description, feedPath: urls.feed,
        pagePath: urls.stories,
        stories: site.stories)
    ]
    for network in site.networks {
      files.append(
        writer.feed(
          title: "\(network.title) · \(builder.label("stories"))", subtitle: network.summary,
          feedPath: urls.networkFeed(network.slug), pagePath: urls.network(network.slug),
          stories: site.stories.filter { $0.networkSlugs.contains(network.slug) }))
    }
    // Newsletter feeds carry the whole issue: introduction, stories and meetings.
    for network in site.networks {
      let issues = site.newsletters.filter { $0.network == network.slug }
      guard !issues.isEmpty else { continue }
      files.append(
        writer.newsletterFeed(network: network, issues: issues) { issue in
          NewsletterEmail.feedHTML(issue, builder: builder)
        })
    }
    return files
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
