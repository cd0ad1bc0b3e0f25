import Foundation
import Mustache
import Testing

@testable import KredsBuild
@testable import KredsSite
@testable import KredsTemplates

/// Every template of the default theme, over every view the golden site gives it, renders to the
/// same bytes with swift-mustache as with Kreds' engine: the golden files were recorded with
/// Kreds' engine, so `make golden` alone could hide a difference between the two.
@Suite struct DefaultThemeReferenceTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let themeFolder = repository.appendingPathComponent("templates")
  static let golden = repository.appendingPathComponent("Tests/Fixtures/golden/content")

  /// The golden site rendered with the default theme, keeping every render.
  static func goldenRenders() throws -> [TemplateRenderRecorder.Render] {
    var options = SiteBuilder.Options(
      contentFolder: golden, templatesFolder: nil, outputFolder: nil,
      now: LocalDateTime(parsing: "2026-11-23 12:00")!.instant(
        in: TimeZone(identifier: "Europe/Copenhagen")!),
      themeFolder: themeFolder)
    options.buildTime = options.now
    let prepared = try SiteBuilder.prepare(options, cache: nil)
    let site = try #require(prepared.site)
    let (theme, recorder) = try #require(prepared.theme).recordingRenders()
    _ = SiteRenderer.render(site, theme: theme)
    return recorder.renders
  }

  /// The default theme's templates in swift-mustache, by name.
  static func referenceLibrary() throws -> (library: MustacheLibrary, names: [String]) {
    var library = MustacheLibrary()
    let files = try FileManager.default.contentsOfDirectory(atPath: themeFolder.path)
      .filter { $0.hasSuffix(".mustache") }.sorted()
    for file in files {
      let text = try String(
        contentsOf: themeFolder.appendingPathComponent(file), encoding: .utf8)
      library.register(try MustacheTemplate(string: text), named: String(file.dropLast(9)))
    }
    return (library, files.map { String($0.dropLast(9)) })
  }

  @Test func everyTemplateRendersTheSameBytesWithSwiftMustache() throws {
    let renders = try Self.goldenRenders()
    let (reference, names) = try Self.referenceLibrary()
    #expect(renders.count >= 20, "only \(renders.count) renders")
    var compared: Set<String> = []
    for render in renders {
      let expected = reference.render(
        ReferenceRenderingTests.reference(render.value), withTemplate: render.template)
      #expect(
        expected == render.text,
        "\(render.template).mustache differs from swift-mustache at byte \(Self.firstDifference(render.text, expected ?? ""))"
      )
      compared.insert(render.template)
    }
    // Every page template of the theme, and the email's, was rendered at least once; the
    // others (layout, partials) are rendered inside them.
    let rendered = Set(Theme.requiredTemplates).subtracting(["layout"]).union(["email"])
    #expect(rendered.subtracting(compared).sorted() == [])
    #expect(compared.isSubset(of: Set(names)))
  }

  static func firstDifference(_ one: String, _ other: String) -> Int {
    zip(one.utf8, other.utf8).prefix { $0 == $1 }.count
  }
}
