import Foundation

/// One HTML page to render. Jobs are independent, so they render in parallel.
enum PageJob: Sendable {
  case home, networks
  case network(Int)
  case events
  case archive(year: Int)
  case event(Int)
  case stories(page: Int)
  case story(Int)
  case tag(Slug)
  /// The calendar entry page, showing the month of `now`.
  case calendar
  case calendarMonth(year: Int, month: Int)
  case newsletter(Int)
  /// The newsletters of one network, or (nil) of the whole site.
  case newsletterArchive(Slug?)
  case latestNewsletter(Slug)
  case page(Int)
  case notFound
  /// A compact list of coming meetings made to sit in an `<iframe>` on a partner's site.
  case embed(EmbedScope)
  /// The page that shows partners how to embed the meetings and read the feeds.
  case share
  /// `/was/`, which leads to the accessibility statement (with `accessibility_statement:`).
  case accessibility
  /// The search page (its index is written by `SearchIndex`).
  case search

  /// Whose meetings an embeddable list shows.
  enum EmbedScope: Sendable, Hashable {
    case site
    case network(Int)
    case topic(Slug)
  }

  /// Whether search engines are told of the page: embeddable lists are `noindex` and stay out of
  /// the sitemap, and so does the 404 page.
  var isInSitemap: Bool {
    switch self {
    case .embed, .notFound, .accessibility: return false
    default: return true
    }
  }

  /// When the one item the page shows last changed, for the sitemap's `lastmod`: its own
  /// `updated:`, else its last commit; nil for lists and without either.
  func lastChanged(site: Site) -> Date? {
    let zone = site.settings.timeZone
    switch self {
    case .network(let index): return site.lastCommitted[site.networks[index].file]
    case .event(let index):
      let event = site.events[index]
      return event.updated?.instant(in: event.timeZone) ?? site.lastCommitted[event.file]
    case .story(let index):
      let story = site.stories[index]
      return story.updated?.instant(in: zone) ?? site.lastCommitted[story.file]
    case .newsletter(let index): return site.lastCommitted[site.newsletters[index].file]
    case .page(let index): return site.lastCommitted[site.pages[index].file]
    default: return nil
    }
  }
}
