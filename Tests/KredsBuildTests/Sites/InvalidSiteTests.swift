import Foundation
import Testing

@testable import KredsBuild
@testable import KredsSite

/// Each folder of Tests/Fixtures/invalid holds a content folder with one kind of mistake and the
/// exact diagnostics `kreds check --content content` prints for it (`expected.txt`). After a
/// deliberate change to a message, `make record-invalid` writes every `expected.txt` anew
/// (`KREDS_RECORD_INVALID=1`); review the diff before committing.
@Suite struct InvalidSiteTests {
  static let fixtureNames: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: Fixtures.invalidSites.path)) ?? [])
    .filter { !$0.hasPrefix(".") }.sorted()

  @Test func thereAreFixtures() {
    #expect(Self.fixtureNames.count >= 40)
  }

  static let recording = ProcessInfo.processInfo.environment["KREDS_RECORD_INVALID"] == "1"

  @Test(arguments: fixtureNames)
  func reportsExactlyTheExpectedDiagnostics(_ name: String) throws {
    let folder = Fixtures.invalidSites.appendingPathComponent(name)
    let expectedFile = folder.appendingPathComponent("expected.txt")
    // Paths print as the editor named the folder: `content/…`, as when run inside the fixture.
    let content = URL(fileURLWithPath: "content", relativeTo: folder)
    let report = try SiteBuilder.run(Fixtures.options(content: content, output: nil))
    let actual = report.diagnostics.map(\.description)
    if Self.recording {
      try Data(actual.map { $0 + "\n" }.joined().utf8).write(to: expectedFile)
    }
    let expected = try String(contentsOf: expectedFile, encoding: .utf8)
      .split(separator: "\n").map(String.init)
    #expect(actual == expected, "\(name):\n\(actual.joined(separator: "\n"))")
  }
}
