import Foundation
import Testing

@testable import KredsBuild
@testable import KredsSite

/// A small site rendered with the default theme and compared, byte for byte, with reviewed files
/// in Tests/Fixtures/golden/expected. After a deliberate change to the theme or the renderer,
/// re-record them with `make golden` and review the diff before committing.
@Suite struct GoldenSiteTests {
  static let folder = Fixtures.repository.appendingPathComponent("Tests/Fixtures/golden")
  static let expected = folder.appendingPathComponent("expected")
  static var recording: Bool { ProcessInfo.processInfo.environment["KREDS_RECORD_GOLDEN"] == "1" }

  /// The rendered files, without the stylesheet and media (copied unchanged).
  static func render() throws -> [String: [UInt8]] {
    let report = try SiteBuilder.run(
      Fixtures.options(content: folder.appendingPathComponent("content"), output: nil))
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    var files: [String: [UInt8]] = [:]
    for file in report.files ?? []
    where !file.path.hasPrefix("assets/") && !file.path.hasPrefix("media/") {
      if case .bytes(let bytes) = file.content { files[file.path] = bytes }
    }
    return files
  }

  @Test func matchesTheReviewedFiles() throws {
    let actual = try Self.render()
    if Self.recording {
      try? FileManager.default.removeItem(at: Self.expected)
      for (path, bytes) in actual {
        let url = Self.expected.appendingPathComponent(path)
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
      }
      return
    }
    let recorded = Fixtures.tree(Self.expected).mapValues { [UInt8]($0) }
    #expect(
      Set(actual.keys) == Set(recorded.keys),
      "the set of output files changed; run `make golden` and review")
    for (path, bytes) in actual.sorted(by: { $0.key < $1.key }) where recorded[path] != bytes {
      let firstDifference =
        zip(bytes, recorded[path] ?? []).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? 0
      let context = String(
        decoding: bytes.dropFirst(max(0, firstDifference - 80)).prefix(200), as: UTF8.self)
      Issue.record(
        "\(path) differs from the golden file at byte \(firstDifference): …\(context)…; run `make golden` and review"
      )
    }
  }
}
