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
}
