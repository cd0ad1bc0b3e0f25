import Foundation
import Testing

@testable import KredsBuild
@testable import KredsSite

/// What partners' websites and tools read (SITE.md, "Embeddable lists" and "JSON feeds"): the
/// embeddable lists of coming meetings, the JSON feeds, and the subscribe links, on the example
/// site. The gate checks the same files with Chromium, the Nu checker, axe-core, a JSON Feed
/// schema and recurring-ical-events.
@Suite struct PartnerOutputTests {
  static let files: [String: String] = {
    guard let report = try? SiteBuilder.run(Fixtures.options(output: nil)) else { return [:] }
    var files: [String: String] = [:]
    for file in report.files ?? [] {
      if case .bytes(let bytes) = file.content {
        files[file.path] = String(decoding: bytes, as: UTF8.self)
      }
    }
    return files
  }()

  static var embedPages: [String] {
    files.keys.filter { $0.hasSuffix("/indlejr/index.html") }.sorted()
  }

  static func json(_ path: String) throws -> [String: Any] {
    let text = try #require(files[path], "\(path) is missing")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(path)")
  }

  @Test func everyNetworkTheSiteAndEachTopicWithEventsHaveAnEmbeddableList() {
    let networks = Set(
      Self.files.keys.filter { $0.hasPrefix("netvaerk/") && $0.hasSuffix("/kalender.ics") }.map {
        $0.dropFirst("netvaerk/".count).dropLast("/kalender.ics".count)
      })
    #expect(networks.count == 6)
    for network in networks {
      #expect(Self.files["netvaerk/\(network)/indlejr/index.html"] != nil, "\(network)")
    }
    #expect(Self.files["arrangementer/indlejr/index.html"] != nil)
    #expect(Self.embedPages.contains { $0.hasPrefix("emner/") })
  }

  @Test func embeddableListsAreNoindexOpenLinksInTheTopWindowAndHoldNoInlineCode() {
    let sitemap = Self.files["sitemap.xml"] ?? ""
    #expect(!sitemap.isEmpty)
    #expect(!sitemap.contains("/indlejr/"))
    #expect(sitemap.contains("/arrangementer/del/"))
    for path in Self.embedPages {
      let html = Self.files[path] ?? ""
      #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"), "\(path)")
      #expect(html.contains("<base target=\"_top\">"), "\(path)")
      let anchors = html.components(separatedBy: "<a ").dropFirst()
      #expect(!anchors.isEmpty, "\(path)")
      for anchor in anchors {
        #expect(anchor.prefix(while: { $0 != ">" }).contains("target=\"_top\""), "\(path)")
      }
      #expect(!html.contains("<script>") && !html.contains("style="), "\(path)")
      #expect(html.utf8.count < 20_000, "\(path) is \(html.utf8.count) bytes")
      let meetings = html.components(separatedBy: "<li class=\"embed-event").count - 1
      #expect(meetings <= PageRenderer.embeddedMeetings, "\(path)")
      #expect(meetings > 0 || html.contains("Ingen møder planlagt"), "\(path)")
    }
  }

  @Test func aNetworkWithoutComingMeetingsSaysSoAndHasAnEmptyFeed() throws {
    let path = "netvaerk/ivaerksaetternetvaerk-kerteminde/"
    let html = try #require(Self.files[path + "indlejr/index.html"])
    #expect(html.contains("<p class=\"embed-empty\">Ingen møder planlagt lige nu.</p>"))
    let feed = try Self.json(path + "kalender.json")
    #expect((feed["items"] as? [Any])?.isEmpty == true)
    #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
  }

  /// The JSON feeds hold the events of the `.ics` beside them that still have a meeting to come,
  /// by the same UID, and each meeting as the schema.org Event of the event page.
  @Test func jsonFeedsMatchTheirCalendarsAndPages() throws {
    let feeds = Self.files.keys.filter { $0.hasSuffix("kalender.json") }.sorted()
    #expect(feeds.count == 7)
    for path in feeds {
      let feed = try Self.json(path)
      let extensionObject = try #require(feed["_kreds"] as? [String: Any], "\(path)")
      #expect(extensionObject["version"] as? String == EventJSONFeed.extensionVersion)
      let calendarPath = path.replacingOccurrences(of: ".json", with: ".ics")
      #expect(
        extensionObject["calendar"] as? String
          == "https://netvaerk.example.dk/" + calendarPath)
      let calendar = try #require(Self.files[calendarPath])
      let uids = Set(
        calendar.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
          .filter { $0.hasPrefix("UID:") }.map {
            String($0.dropFirst(4))
          })
      let items = try #require(feed["items"] as? [[String: Any]], "\(path)")
      var previousStart = ""
      for item in items {
        let id = try #require(item["id"] as? String)
        #expect(uids.contains(id), "\(path): \(id) is not in \(calendarPath)")
        let meetings = try #require(
          (item["_kreds"] as? [String: Any])?["meetings"] as? [[String: Any]])
        #expect(!meetings.isEmpty, "\(path): \(id)")
        for meeting in meetings {
          #expect(meeting["@type"] as? String == "Event")
          #expect(meeting["url"] as? String == item["url"] as? String)
        }
        let start = try #require(meetings.first?["startDate"] as? String)
        // Items come in order of their next meeting; ISO dates with the same offset sort as text.
        #expect(previousStart.prefix(10) <= start.prefix(10), "\(path): \(id)")
        previousStart = start
      }
    }
  }

  @Test func theSiteFeedListsEveryEventWithAMeetingToCome() throws {
    let feed = try Self.json("kalender.json")
    let items = try #require(feed["items"] as? [[String: Any]])
    let site = try #require(try SiteBuilder.prepare(Fixtures.options(output: nil), cache: nil).site)
    let upcoming = Set(site.upcomingOccurrences.map(\.eventIndex))
    #expect(items.count == upcoming.count)
    let meetings = items.reduce(0) {
      $0 + (((($1["_kreds"] as? [String: Any])?["meetings"]) as? [Any])?.count ?? 0)
    }
    #expect(meetings == site.upcomingOccurrences.count)
  }

  @Test func subscribeLinksServeEveryKindOfCalendarApp() throws {
    let page = try #require(Self.files["netvaerk/cirkulaer-produktion/index.html"])
    let https = "https://netvaerk.example.dk/netvaerk/cirkulaer-produktion/kalender.ics"
    let encoded = URLQuery.encode(https)
    #expect(
      page.contains(
        "href=\"webcal://netvaerk.example.dk/netvaerk/cirkulaer-produktion/kalender.ics\""))
    #expect(
      page.contains(
        "https://calendar.google.com/calendar/r?cid="
          + URLQuery.encode("webcal" + https.dropFirst(5))))
    #expect(
      page.contains("https://outlook.office.com/calendar/0/addfromweb?url=\(encoded)&amp;name="))
    #expect(
      page.contains("https://outlook.live.com/calendar/0/addfromweb?url=\(encoded)&amp;name="))
    #expect(page.components(separatedBy: "<details class=\"how-to\">").count - 1 == 5)
    for path in ["arrangementer/index.html", "kalender/index.html"] {
      #expect(
        Self.files[path]?.contains("outlook.office.com/calendar/0/addfromweb") == true, "\(path)")
    }
    #expect(page.contains("src=\"/netvaerk/cirkulaer-produktion/indlejr/\""))
    #expect(
      page.contains(
        "&lt;iframe src=&quot;https://netvaerk.example.dk/netvaerk/cirkulaer-produktion/indlejr/&quot;"
      ))
  }

  /// Outlook adds a single event's file to the reader's calendar only when it has no calendar
  /// name; with one, it makes a new calendar.
  @Test func anEventsOwnCalendarFileHasNoCalendarName() {
    let eventFiles = Self.files.keys.filter {
      $0.hasPrefix("arrangementer/") && $0.hasSuffix(".ics")
    }
    #expect(eventFiles.count > 10)
    for path in eventFiles {
      let text = Self.files[path] ?? ""
      #expect(!text.contains("X-WR-CALNAME") && !text.contains("\r\nNAME:"), "\(path)")
    }
    #expect(Self.files["kalender.ics"]?.contains("X-WR-CALNAME") == true)
  }
}
