/// Names the site map (SITE.md) uses for its own pages, in both languages, so that switching
/// `language` never makes a content slug collide with a page of the site. Read from the table
/// the addresses are made from (`URLWords`).
package enum ReservedSlugs {
  private static let words = Language.allCases.map(URLWords.of)

  /// Free pages live at the top of the site, beside its own folders.
  package static let pages = Set(words.flatMap(\.topLevel) + URLWords.fixedTopLevel)
  /// Below the events: the archive, the embeddable list and the page for partners.
  package static let events = Set(words.flatMap { [$0.archive, $0.embed, $0.share] })
  /// Below the stories: their pages.
  package static let stories = Set(words.map(\.page))
  /// Below a network's newsletters: the newest issue.
  package static let newsletters = Set(words.map(\.latest))
}
