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
  static let golden = repository.appendingPathComponent("Tests/Golden")
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
