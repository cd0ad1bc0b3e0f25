import Foundation
import Testing

@testable import KredsBuild
@testable import KredsSite

/// `accessibility_statement:` (issue 29, point 6): a link in every page's footer and `/was/`,
/// which leads to the statement with no script; an address that is not https is an error.
@Suite struct AccessibilityStatementTests {
  static let statement = "https://www.was.digst.dk/groent-example-dk"

  /// A small site whose `site.yaml` ends with `extra`.
  static func site(_ extra: String) throws -> (folder: URL, content: URL) {
    let (folder, content, events) = try Fixtures.oneNetworkSite(items: "events", siteYAML: extra)
    try "---\ntitle: Møde\nstart: 2026-12-10 09:00\nlocation: {name: Hal}\n---\n".write(
      to: events.appendingPathComponent("moede.md"), atomically: true, encoding: .utf8)
    return (folder, content)
  }

  @Test func everyPageLinksTheStatementAndWasLeadsToIt() throws {
    let (folder, content) = try Self.site("accessibility_statement: \(Self.statement)\n")
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("site")
    let report = try SiteBuilder.run(Fixtures.options(content: content, output: output))
    #expect(report.errorCount == 0, "\(report.diagnostics)")
    for page in ["index.html", "arrangementer/moede/index.html", "netvaerk/net/index.html"] {
      let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
      #expect(
        html.contains("<a href=\"\(Self.statement)\">Tilgængelighedserklæring</a>"), "\(page)")
    }
    let was = try String(
      contentsOf: output.appendingPathComponent("was/index.html"), encoding: .utf8)
    #expect(was.contains("<meta http-equiv=\"refresh\" content=\"0; url=\(Self.statement)\">"))
    #expect(was.contains("<a href=\"\(Self.statement)\">\(Self.statement)</a>"))
    #expect(was.contains("<meta name=\"robots\" content=\"noindex\">") && !was.contains("<script"))
    let sitemap = try String(
      contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
    #expect(!sitemap.contains("/was/"))
  }

  @Test func withoutItThereIsNoLinkAndNoPage() throws {
    let (folder, content) = try Self.site("")
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("site")
    _ = try SiteBuilder.run(Fixtures.options(content: content, output: output))
    let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(!home.contains("Tilgængelighedserklæring"))
    #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("was").path))
  }

  @Test func anAddressThatIsNotHTTPSIsAnError() throws {
    let (folder, content) = try Self.site(
      "accessibility_statement: http://www.was.digst.dk/groent\n")
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = try SiteBuilder.run(Fixtures.options(content: content, output: nil))
    let errors = report.diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1)
    #expect(errors.first?.location == SourceLocation(line: 3, column: 26))
    #expect(errors.first?.message.contains("must be an https:// address") == true)
  }
}
