import Foundation
import Testing

@testable import KredsBuild
@testable import KredsSite

/// The example site in content/, built the way `make site` builds it.
@Suite struct ExampleSiteTests {
  @Test func buildsWithoutErrors() throws {
    let report = try SiteBuilder.run(Fixtures.options(output: nil))
    #expect(
      !report.diagnostics.containsErrors,
      "\(report.diagnostics.map(\.description).joined(separator: "\n"))")
    let paths = Set((report.files ?? []).map(\.path))
    for expected in [
      "index.html", "404.html", "sitemap.xml", "robots.txt", "feed.xml", "assets/kreds.css",
      "netvaerk/index.html",
      "arrangementer/index.html", "historier/index.html", "om/index.html",
      "netvaerk/groent-industrinetvaerk-nyborg/index.html",
      "netvaerk/groent-industrinetvaerk-nyborg/feed.xml",
      "arrangementer/2027-01-20-morgenmoede-om-energi/index.html",
      "media/program/esg-temamoede-2027-02-11.pdf",
    ] {
      #expect(paths.contains(expected), "missing \(expected)")
    }
  }

  /// Every event page carries schema.org Event data that parses as JSON and has the fields search
  /// engines need (SITE.md, "Pages").
  @Test func everyEventPageHasEventJSONLD() throws {
    let report = try SiteBuilder.run(Fixtures.options(output: nil))
    let pages = (report.files ?? []).filter {
      $0.path.hasPrefix("arrangementer/") && $0.path.hasSuffix("/index.html")
        && !$0.path.hasPrefix("arrangementer/arkiv/") && $0.path != "arrangementer/index.html"
        && !$0.path.hasPrefix("arrangementer/indlejr/") && !$0.path.hasPrefix("arrangementer/del/")
    }
    #expect(pages.count >= 20)
    let start = "<script type=\"application/ld+json\">"
    for page in pages {
      guard case .bytes(let bytes) = page.content else { continue }
      let html = String(decoding: bytes, as: UTF8.self)
      let scripts = html.components(separatedBy: start).dropFirst()
      #expect(scripts.count == 1, "\(page.path): \(scripts.count) JSON-LD blocks")
      guard let script = scripts.first?.components(separatedBy: "</script>").first else { continue }
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any], "\(page.path)")
      #expect(object["@type"] as? String == "Event", "\(page.path)")
      for key in [
        "name", "url", "startDate", "endDate", "eventStatus", "eventAttendanceMode", "location",
        "organizer",
      ] {
        #expect(object[key] != nil, "\(page.path) has no \(key)")
      }
      let locations =
        (object["location"] as? [[String: Any]]) ?? [object["location"] as? [String: Any] ?? [:]]
      for location in locations {
        #expect(
          ["Place", "VirtualLocation"].contains(location["@type"] as? String ?? ""), "\(page.path)")
      }
      if html.contains("facts__item--registration") {
        #expect(object["offers"] != nil, "\(page.path) has registration but no offers")
      }
    }
  }

  /// Every href and src of every page leads to a file of the built site (or out of it).
  @Test func everyInternalLinkAndMediaReferenceResolves() throws {
    let output = try Fixtures.temporaryFolder().appendingPathComponent("site")
    defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
    _ = try SiteBuilder.run(Fixtures.options(output: output))
    let files = Fixtures.tree(output)
    var broken: [String] = []
    var checked = 0
    let pattern = try NSRegularExpression(pattern: "(?:href|src)=\"([^\"]*)\"")
    // email.html is all absolute URLs and merge tags; the conformance gate checks it.
    for (path, data) in files where path.hasSuffix(".html") && !path.hasSuffix("email.html") {
      let html = String(decoding: data, as: UTF8.self)
      for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
        guard let range = Range(match.range(at: 1), in: html) else { continue }
        let url = html[range].replacingOccurrences(of: "&amp;", with: "&")
        guard url.hasPrefix("/") else {
          if !(url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("mailto:")
            || url.hasPrefix("tel:") || url.hasPrefix("#") || url.hasPrefix("webcal://"))
          {
            broken.append("\(path): relative or unknown link '\(url)'")
          }
          continue
        }
        checked += 1
        var target = String(
          url.dropFirst().split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
        target = target.removingPercentEncoding ?? target
        if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
        if files[target] == nil { broken.append("\(path): \(url)") }
      }
    }
    #expect(broken.isEmpty, "\(broken.joined(separator: "\n"))")
    #expect(checked > 500)
  }

  @Test func linksWorkUnderABasePath() throws {
    var options = Fixtures.options(output: nil)
    options.baseURL = "https://example.dk/netvaerk/"
    let report = try SiteBuilder.run(options)
    let home = try #require(report.files?.first { $0.path == "index.html" })
    guard case .bytes(let bytes) = home.content else { return }
    let html = String(decoding: bytes, as: UTF8.self)
    #expect(html.contains("href=\"/netvaerk/assets/kreds.css\""))
    #expect(html.contains("href=\"/netvaerk/arrangementer/\""))
    #expect(!html.contains("href=\"/arrangementer/"))
  }

  @Test func twoBuildsAreByteIdentical() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try SiteBuilder.run(Fixtures.options(output: folder.appendingPathComponent("a")))
    _ = try SiteBuilder.run(Fixtures.options(output: folder.appendingPathComponent("b")))
    let first = Fixtures.tree(folder.appendingPathComponent("a"))
    let second = Fixtures.tree(folder.appendingPathComponent("b"))
    #expect(first.count > 50)
    #expect(first == second)
  }
}
