import Foundation
import Testing

@testable import KredsSite

@Suite struct SiteURLsTests {
  func urls(_ base: String, _ language: Language = .da) -> SiteURLs {
    var settings = SiteSettings(title: "T", baseURL: base, timeZone: TimeZone(identifier: "UTC")!)
    settings.language = language
    return SiteURLs(settings: settings)
  }

  @Test func externalBodyLinksGetTheirInvalidCharactersEncoded() {
    let site = urls("https://example.dk/")
    #expect(
      site.url(of: .external("https://example.dk/side?x=<y>&z=\"w\" {a|b}^`\\"))
        == "https://example.dk/side?x=%3Cy%3E&z=%22w%22%20%7Ba%7Cb%7D%5E%60%5C")
    #expect(
      site.url(of: .external("https://example.dk/æble?q=1#a")) == "https://example.dk/æble?q=1#a")
  }

  @Test func keepsTheBasePath() {
    let site = urls("https://example.dk/netvaerk/")
    #expect(site.event(Slug("moede")!) == "/netvaerk/arrangementer/moede/")
    #expect(
      site.absolute(site.event(Slug("moede")!))
        == "https://example.dk/netvaerk/arrangementer/moede/")
    #expect(site.outputFile(site.event(Slug("moede")!)) == "arrangementer/moede/index.html")
    #expect(site.outputFile(site.feed) == "feed.xml")
  }

  @Test func usesTheLanguagesWords() {
    let english = urls("https://example.dk", .en)
    #expect(english.archive(year: 2026) == "/events/archive/2026/")
    #expect(english.stories(page: 2) == "/stories/page/2/")
    #expect(urls("https://example.dk").stories(page: 2) == "/historier/side/2/")
  }
}
