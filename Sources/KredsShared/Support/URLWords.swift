/// The words of the site's addresses in each language (SITE.md): `SiteURLs` builds every
/// address from them, and `ReservedSlugs` keeps content slugs off them, so the two can never
/// disagree.
package struct URLWords: Sendable {
  package let networks, events, archive, calendar, stories, page, newsletters, latest,
    topics: String
  /// The embeddable version of a list page, below its address.
  package let embed: String
  /// The page that shows partners how to put the meetings on their own sites.
  package let share: String
  /// The search page, with its index below it.
  package let search: String
  /// The embeddable list's parameters for a partner's colour and font (the list reads both
  /// languages' names).
  package let colour, font: String

  package static func of(_ language: Language) -> URLWords {
    switch language {
    case .da:
      return URLWords(
        networks: "netvaerk", events: "arrangementer", archive: "arkiv", calendar: "kalender",
        stories: "historier", page: "side", newsletters: "nyhedsbreve", latest: "seneste",
        topics: "emner", embed: "indlejr", share: "del", search: "soeg", colour: "farve",
        font: "skrift")
    case .en:
      return URLWords(
        networks: "networks", events: "events", archive: "archive", calendar: "calendar",
        stories: "stories", page: "page", newsletters: "newsletters", latest: "latest",
        topics: "topics", embed: "embed", share: "share", search: "search", colour: "colour",
        font: "font")
    }
  }

  /// The folders at the top of the site; `media`, `assets` and `was` (the accessibility
  /// statement, at the address Danish public bodies use) are the same in both languages.
  package var topLevel: [String] {
    [networks, events, calendar, stories, newsletters, topics, search]
  }
  package static let fixedTopLevel = ["media", "assets", accessibility]
  package static let accessibility = "was"
}
