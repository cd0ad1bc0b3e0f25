import Foundation
import Testing

@testable import KredsSite

/// The reserved slugs and the site's addresses come from one table (`URLWords`): every folder
/// the site makes in either language is a slug content cannot take (issue 28).
@Suite struct ReservedSlugsTests {
  func urls(_ language: Language) -> SiteURLs {
    var settings = SiteSettings(
      title: "T", baseURL: "https://example.dk/", timeZone: TimeZone(identifier: "UTC")!)
    settings.language = language
    return SiteURLs(settings: settings)
  }

  /// The folders of an address, "/arrangementer/arkiv/2026/" → ["arrangementer", "arkiv", …].
  func folders(_ path: String) -> [String] { path.split(separator: "/").map(String.init) }

  @Test func everyFolderOfTheSiteIsReservedInBothLanguages() {
    let slug = Slug("x")!
    for language in Language.allCases {
      let site = urls(language)
      for top in [
        site.networks, site.events, site.stories, site.newsletters, site.calendar, site.search,
      ] {
        #expect(ReservedSlugs.pages.contains(folders(top)[0]), "\(language): \(top)")
      }
      #expect(ReservedSlugs.pages.contains(folders(site.topic(slug))[0]))
      #expect(ReservedSlugs.events.contains(folders(site.archive(year: 2026))[1]))
      #expect(ReservedSlugs.events.contains(folders(site.eventsEmbed)[1]))
      #expect(ReservedSlugs.events.contains(folders(site.share)[1]))
      #expect(ReservedSlugs.stories.contains(folders(site.stories(page: 2))[1]))
      #expect(ReservedSlugs.newsletters.contains(folders(site.latestNewsletter(network: slug))[2]))
    }
  }

  @Test func theSetsAreTheSiteMapsWords() {
    #expect(
      ReservedSlugs.pages == [
        "netvaerk", "networks", "arrangementer", "events", "kalender", "calendar", "historier",
        "stories", "nyhedsbreve", "newsletters", "emner", "topics", "soeg", "search", "media",
        "assets", "was",
      ])
    #expect(ReservedSlugs.events == ["arkiv", "archive", "indlejr", "embed", "del", "share"])
    #expect(ReservedSlugs.stories == ["side", "page"])
    #expect(ReservedSlugs.newsletters == ["seneste", "latest"])
  }
}
