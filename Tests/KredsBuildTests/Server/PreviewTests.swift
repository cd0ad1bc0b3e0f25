import Foundation
import Testing

@testable import KredsBuild
@testable import KredsSite

/// `serve` shows a site whose files are rendered when asked for. Every file must be the one
/// `build` writes, byte for byte, at the same path, and no more or fewer files may exist.
@Suite struct PreviewTests {
  static let sites: [URL] = [
    Fixtures.exampleContent,
    Fixtures.repository.appendingPathComponent("Tests/Fixtures/golden/content"),
    Fixtures.repository.appendingPathComponent("Tests/Fixtures/hostile/content"),
  ]

  @Test(arguments: sites)
  func rendersOnRequestTheFilesABuildWrites(content: URL) throws {
    let options = Fixtures.options(content: content, output: nil)
    let built = try SiteBuilder.run(options)
    let files = try #require(built.files)
    let preview = try SiteBuilder.preview(options, cache: ParseCache())
    #expect(preview.diagnostics == built.diagnostics)
    let site = try #require(preview.site)

    #expect(site.plan.paths == files.map(\.path))
    #expect(site.plan.pageCount == built.pageCount)
    // Asked for in reverse, so that no file comes out right only because of the order.
    for file in files.reversed() {
      let shown = try #require(site.file(at: file.path), "\(file.path)")
      switch (file.content, shown.content) {
      case (.bytes(let expected), .bytes(let actual)):
        #expect(actual == expected, "\(file.path) differs")
      case (.contentFile(let expected), .contentFile(let actual)):
        #expect(actual == expected)
      case (.image(let expected), .image(let actual)):
        #expect(actual == expected)
      default:
        Issue.record("\(file.path) has another kind of content")
      }
    }
    #expect(site.file(at: "not/in/the/site.html") == nil)
    #expect(site.file(at: "") == nil)
  }

  @Test func checksEmailSizesAsTheBuildDoes() throws {
    let content = try Fixtures.siteWithNewsletter(introParagraphs: 89)
    defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
    let options = Fixtures.options(content: content, output: nil)

    let built = try SiteBuilder.run(options)
    let preview = try SiteBuilder.preview(options, cache: ParseCache())
    let site = try #require(preview.site)
    let sizes = try #require(site.emailSizeDiagnostics()).map(preview.displayed)
    #expect(sizes.map(\.severity) == [.warning])
    #expect(preview.diagnostics + sizes == built.diagnostics)
  }

  @Test func aStoppedCheckGivesNoResult() throws {
    let preview = try SiteBuilder.preview(Fixtures.options(output: nil), cache: ParseCache())
    let site = try #require(preview.site)
    site.stopChecking()
    #expect(site.emailSizeDiagnostics() == nil)
  }

  @Test func anEditShowsInTheNextPreview() throws {
    let (folder, content) = try Fixtures.copyOfExampleContent()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = ParseCache()
    let options = Fixtures.options(content: content, output: nil)
    let before = try #require(try SiteBuilder.preview(options, cache: cache).site)

    let page = content.appendingPathComponent("pages/om.md")
    let text = try String(contentsOf: page, encoding: .utf8)
    try text.replacingOccurrences(of: "title: ", with: "title: Ny titel · Zebrakursus ").write(
      to: page, atomically: false, encoding: .utf8)
    let after = try #require(try SiteBuilder.preview(options, cache: cache).site)

    func html(_ site: OnDemandSite, _ file: String = "om/index.html") -> String {
      guard let path = site.plan.paths.first(where: { $0 == file }),
        case .bytes(let bytes)? = site.file(at: path)?.content
      else { return "" }
      return String(decoding: bytes, as: UTF8.self)
    }
    #expect(!html(before).contains("Ny titel · "))
    #expect(html(after).contains("Ny titel · Zebrakursus"))
    // The search index follows the edit: the title's new word is in its chunk.
    #expect(!html(before, "soeg/data/t/ze.json").contains("\"zebrakursus\":"))
    #expect(html(after, "soeg/data/t/ze.json").contains("\"zebrakursus\":"))
  }

  /// The theme is kept between previews while its files stay the same, and loaded again when
  /// a site template is added or edited.
  @Test func aTemplateEditShowsInTheNextPreview() throws {
    let (folder, content) = try Fixtures.copyOfExampleContent()
    defer { try? FileManager.default.removeItem(at: folder) }
    let templates = folder.appendingPathComponent("templates")
    try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
    var options = Fixtures.options(content: content, output: nil)
    options.templatesFolder = templates
    let cache = ParseCache()

    func page404() throws -> String {
      let site = try #require(try SiteBuilder.preview(options, cache: cache).site)
      guard case .bytes(let bytes)? = site.file(at: "404.html")?.content else { return "" }
      return String(decoding: bytes, as: UTF8.self)
    }
    let before = try page404()
    #expect(try page404() == before)
    let own = templates.appendingPathComponent("404.mustache")
    try "{{<layout}}{{$main}}<p>Egen side: første udgave</p>{{/main}}{{/layout}}\n".write(
      to: own, atomically: false, encoding: .utf8)
    #expect(try page404().contains("første udgave"))
    try "{{<layout}}{{$main}}<p>Egen side: anden udgave</p>{{/main}}{{/layout}}\n".write(
      to: own, atomically: false, encoding: .utf8)
    let edited = try page404()
    #expect(edited.contains("anden udgave") && !edited.contains("første udgave"))
  }
}
