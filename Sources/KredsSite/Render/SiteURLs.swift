/// Every address of the site (SITE.md, "Site map"), in the site's language and under the path of
/// `base_url`. Paths start with the base path; ``absolute(_:)`` turns one into a full URL.
public struct SiteURLs: Sendable {
  public let language: Language
  /// `/` or e.g. `/netvaerk/`.
  public let basePath: String
  /// Ends with `/`.
  public let baseURL: String

  public init(settings: SiteSettings) {
    language = settings.language
    basePath = settings.basePath
    baseURL = settings.baseURL
  }

  var words: URLWords { URLWords.of(language) }

  /// The output file of a path: `a/b/` → `a/b/index.html`, `a.xml` → `a.xml`, without the base path.
  public func outputFile(_ path: String) -> String {
    var relative = String(path.dropFirst(basePath.count))
    if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
    return relative
  }

  public func absolute(_ path: String) -> String {
    baseURL + path.dropFirst(basePath.count)
  }

  private func path(_ parts: String...) -> String {
    // One string, sized once: pages, feeds and `serve` ask for thousands of addresses.
    var result = basePath
    result.reserveCapacity(parts.reduce(basePath.utf8.count) { $0 + $1.utf8.count + 1 })
    for part in parts {
      result += part
      result += "/"
    }
    return result
  }

  public var home: String { basePath }
  public var networks: String { path(words.networks) }
  public func network(_ slug: Slug) -> String { path(words.networks, slug.rawValue) }
  public func networkFeed(_ slug: Slug) -> String { network(slug) + "feed.xml" }
  public var events: String { path(words.events) }
  public func archive(year: Int) -> String { path(words.events, words.archive, String(year)) }
  public func event(_ slug: Slug) -> String { path(words.events, slug.rawValue) }
  public var stories: String { path(words.stories) }
  public func stories(page: Int) -> String {
    page <= 1 ? stories : path(words.stories, words.page, String(page))
  }
  public func story(_ slug: Slug) -> String { path(words.stories, slug.rawValue) }
  public var newsletters: String { path(words.newsletters) }
  public func newsletter(network: Slug?, slug: Slug) -> String {
    network.map { path(words.newsletters, $0.rawValue, slug.rawValue) }
      ?? path(words.newsletters, slug.rawValue)
  }
  /// One network's newsletters.
  public func newsletters(network: Slug) -> String { path(words.newsletters, network.rawValue) }
  /// The newest issue of a network's newsletter.
  public func latestNewsletter(network: Slug) -> String {
    path(words.newsletters, network.rawValue, words.latest)
  }
  /// The Atom feed of a network's newsletters, with their full content.
  public func newsletterFeed(network: Slug) -> String { newsletters(network: network) + "feed.xml" }
  public func topic(_ slug: Slug) -> String { path(words.topics, slug.rawValue) }
  public func page(_ slug: Slug) -> String { path(slug.rawValue) }
  public var feed: String { basePath + "feed.xml" }
  /// The calendar entry page, showing the month of `now`.
  public var calendar: String { path(words.calendar) }
  public func calendar(year: Int, month: Int) -> String {
    path(words.calendar, String(year), LocalDate.pad(month, 2))
  }
  /// The iCal feed of every event: `/kalender.ics`.
  public var calendarFeed: String { basePath + words.calendar + ".ics" }
  /// One network's iCal feed: `/netvaerk/<network>/kalender.ics`.
  public func networkCalendarFeed(_ slug: Slug) -> String {
    network(slug) + words.calendar + ".ics"
  }
  /// The JSON Feed of every coming meeting, beside the iCal feed: `/kalender.json`.
  public var calendarJSONFeed: String { basePath + words.calendar + ".json" }
  /// One network's JSON Feed of coming meetings: `/netvaerk/<network>/kalender.json`.
  public func networkCalendarJSONFeed(_ slug: Slug) -> String {
    network(slug) + words.calendar + ".json"
  }
  /// The embeddable list of the site's coming meetings: `/arrangementer/indlejr/`.
  public var eventsEmbed: String { path(words.events, words.embed) }
  /// A network's embeddable list: `/netvaerk/<network>/indlejr/`.
  public func networkEmbed(_ slug: Slug) -> String { network(slug) + words.embed + "/" }
  /// A topic's embeddable list: `/emner/<topic>/indlejr/`.
  public func topicEmbed(_ slug: Slug) -> String { topic(slug) + words.embed + "/" }
  /// The page for partners who want the meetings on their own site: `/arrangementer/del/`.
  public var share: String { path(words.events, words.share) }
  /// The search page.
  public var search: String { path(words.search) }
  /// The folder of the search index (`SearchIndex`).
  public var searchData: String { path(words.search, "data") }
  /// `/was/`: the page that leads to the accessibility statement.
  public var accessibility: String { path(URLWords.accessibility) }
  public var embedStylesheet: String { basePath + "assets/embed.css" }
  public var embedScript: String { basePath + "assets/embed.js" }
  /// The iCal file of one event, beside its page.
  public func eventCalendarFile(_ slug: Slug) -> String { event(slug) + slug.rawValue + ".ics" }
  /// The `webcal://` address of a feed, which calendar apps open as a subscription.
  public func webcal(_ path: String) -> String {
    let url = absolute(path)
    guard let colon = url.firstIndex(of: ":") else { return url }
    return "webcal" + url[colon...]
  }
  public var stylesheet: String { basePath + "assets/kreds.css" }
  /// The script that keeps pages true as time passes in the reader's browser.
  public var timeScript: String { basePath + "assets/time.js" }
  public func media(_ contentPath: String) -> String { basePath + contentPath }
  public var notFound: String { basePath + "404.html" }
  public var sitemap: String { basePath + "sitemap.xml" }

  private static let invalid: Set<Unicode.Scalar> = [
    " ", "\"", "<", ">", "\\", "^", "`", "{", "|", "}",
  ]

  /// `url` with the ASCII characters a URL may not hold (space, `"`, `<`, `>`, `\`, `^`, `` ` ``,
  /// `{`, `|`, `}`) percent-encoded, as browsers do when they follow it, so a link an editor
  /// wrote as `https://example.dk/?q=<x>` is a valid URL in the page.
  static func encodingInvalidCharacters(_ url: String) -> String {
    guard url.unicodeScalars.contains(where: { invalid.contains($0) }) else { return url }
    var result = ""
    for scalar in url.unicodeScalars {
      if invalid.contains(scalar) {
        result += "%" + String(scalar.value, radix: 16, uppercase: true)
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// The URL path of a resolved body link.
  public func url(of target: LinkTarget) -> String {
    func withFragment(_ base: String, _ fragment: String?) -> String {
      fragment.map { base + "#" + $0 } ?? base
    }
    switch target {
    case .external(let url): return Self.encodingInvalidCharacters(url)
    case .media(let path): return media(path)
    case .withheld: return ""
    case .network(let slug, let fragment): return withFragment(network(slug), fragment)
    case .event(let slug, let fragment): return withFragment(event(slug), fragment)
    case .story(let slug, let fragment): return withFragment(story(slug), fragment)
    case .page(let slug, let fragment): return withFragment(page(slug), fragment)
    case .newsletter(let network, let slug, let fragment):
      return withFragment(newsletter(network: network, slug: slug), fragment)
    }
  }
}
