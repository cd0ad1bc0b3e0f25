import Foundation
import Testing

@testable import KredsBuild
@testable import KredsSite

/// The template contract: every name a template of the default theme looks up is held by its
/// view, on every fixture site (strict template mode, `SiteBuilder.Options.strictTemplates`).
@Suite struct StrictTemplateTests {
  static let golden = Fixtures.repository.appendingPathComponent("Tests/Fixtures/golden/content")
  static let hostile = Fixtures.repository.appendingPathComponent("Tests/Fixtures/hostile/content")

  static func strictDiagnostics(content: URL, templates: URL? = nil) throws -> [String] {
    var options = Fixtures.options(content: content, output: nil)
    options.templatesFolder = templates
    options.strictTemplates = true
    return try SiteBuilder.run(options).diagnostics.map(\.description).filter {
      $0.contains("strict template check")
    }
  }

  @Test(arguments: ["example", "golden", "hostile"])
  func everyNameIsHeld(site: String) throws {
    let content =
      switch site {
      case "golden": Self.golden
      case "hostile": Self.hostile
      default: Fixtures.exampleContent
      }
    let missing = try Self.strictDiagnostics(content: content)
    #expect(missing == [], "\(missing.joined(separator: "\n"))")
  }

  @Test func everyNameIsHeldOnTheEnglishSite() throws {
    let (folder, content) = try Fixtures.copyOfExampleContent()
    defer { try? FileManager.default.removeItem(at: folder) }
    let settings = content.appendingPathComponent("site.yaml")
    let text = try String(contentsOf: settings, encoding: .utf8)
    #expect(text.contains("language: da\n"))
    try text.replacingOccurrences(of: "language: da\n", with: "language: en\n").write(
      to: settings, atomically: true, encoding: .utf8)
    let missing = try Self.strictDiagnostics(content: content)
    #expect(missing == [], "\(missing.joined(separator: "\n"))")
  }

  /// A misspelt name in a site's own template is caught, with the template and the name.
  @Test func aMisspeltNameIsAnError() throws {
    let templates = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: templates) }
    let page = try String(
      contentsOf: Fixtures.theme.appendingPathComponent("page.mustache"), encoding: .utf8)
    try (page + "{{titel}}{{#t}}{{t.nosuchword}}{{/t}}\n").write(
      to: templates.appendingPathComponent("page.mustache"), atomically: true, encoding: .utf8)
    let found = try Self.strictDiagnostics(content: Fixtures.exampleContent, templates: templates)
    #expect(found.count == 2, "\(found.joined(separator: "\n"))")
    #expect(found.allSatisfy { $0.hasPrefix(templates.path + "/page.mustache:1:1: error: ") })
    #expect(found.contains { $0.contains("'{{titel}}'") })
    #expect(found.contains { $0.contains("'{{t.nosuchword}}'") })
  }
}
