/// Names the site map (SITE.md) uses for its own pages, in both languages, so that switching
/// `language` never makes a content slug collide with a page of the site.
enum ReservedSlugs {
  static let pages: Set<String> = [
    "netvaerk", "networks", "arrangementer", "events", "kalender", "calendar", "historier",
    "stories", "nyhedsbreve", "newsletters", "emner", "topics", "media", "assets",
  ]
  /// Below the events: the archive, the embeddable list and the page for partners.
  static let events: Set<String> = ["arkiv", "archive", "indlejr", "embed", "del", "share"]
  static let stories: Set<String> = ["side", "page"]
  static let newsletters: Set<String> = ["seneste", "latest"]
}
