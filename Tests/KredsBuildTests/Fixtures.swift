import Foundation

@testable import KredsBuild
@testable import KredsSite

/// Paths and helpers shared by the build tests.
enum Fixtures {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
  static let exampleContent = repository.appendingPathComponent("content")
  static let theme = repository.appendingPathComponent("templates")
  static let invalidSites = repository.appendingPathComponent("Tests/Fixtures/invalid")
  /// The moment the example site and its golden files are built as of.
  static let now = LocalDateTime(parsing: "2026-11-23 12:00")!.instant(
    in: TimeZone(identifier: "Europe/Copenhagen")!)

  static func options(content: URL = exampleContent, output: URL?) -> SiteBuilder.Options {
    var options = SiteBuilder.Options(
      contentFolder: content, templatesFolder: nil, outputFolder: output, now: now,
      themeFolder: theme)
    // Pinned like SOURCE_DATE_EPOCH, so outputs that state their age are reproducible.
    options.buildTime = now
    return options
  }

  /// A copy of the example content in a new temporary folder, for tests that edit it; remove
  /// `folder` afterwards.
  static func copyOfExampleContent() throws -> (folder: URL, content: URL) {
    let folder = try temporaryFolder()
    let content = folder.appendingPathComponent("content")
    try FileManager.default.copyItem(at: exampleContent, to: content)
    return (folder, content)
  }

  /// A new site of one network, `net`, in a temporary `folder`: `site.yaml` with a title, a
  /// base URL and `siteYAML`, the network's `index.md` with `networkBody`, and its empty
  /// `items` folder (`events`, `stories`, `newsletters`). Remove `folder` afterwards.
  static func oneNetworkSite(
    items: String, siteYAML: String = "", networkBody: String = ""
  ) throws -> (folder: URL, content: URL, items: URL) {
    let folder = try temporaryFolder()
    let content = folder.appendingPathComponent("content")
    let itemsFolder = content.appendingPathComponent("networks/net/\(items)")
    try FileManager.default.createDirectory(at: itemsFolder, withIntermediateDirectories: true)
    try "title: Grønt Netværk\nbase_url: https://example.dk/\n\(siteYAML)".write(
      to: content.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
    try "---\ntitle: Net\nsummary: Et netværk.\n---\n\(networkBody)".write(
      to: content.appendingPathComponent("networks/net/index.md"), atomically: true,
      encoding: .utf8)
    return (folder, content, itemsFolder)
  }

  /// A site with one network and one newsletter whose introduction has `introParagraphs`
  /// paragraphs of about 1 KB; remove its parent folder afterwards.
  static func siteWithNewsletter(introParagraphs: Int) throws -> URL {
    let (_, content, folder) = try oneNetworkSite(items: "newsletters")
    let paragraph = String(repeating: "Lang introduktion med mange ord om netværket. ", count: 20)
    let body = Array(repeating: paragraph, count: introParagraphs).joined(separator: "\n\n")
    try "---\ndate: 2026-10-05\n---\n\n\(body)\n".write(
      to: folder.appendingPathComponent("nr-1.md"), atomically: true, encoding: .utf8)
    return content
  }

  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kreds-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Every file below `folder`, by relative path, with its bytes.
  static func tree(_ folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else {
      return result
    }
    while let path = enumerator.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let url = folder.appendingPathComponent(path)
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        result[path] = FileManager.default.contents(atPath: url.path)
      }
    }
    return result
  }
}
