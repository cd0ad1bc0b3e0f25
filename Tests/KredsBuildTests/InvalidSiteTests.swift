import Foundation
import Testing

@testable import KredsBuild
@testable import KredsSite

/// Each folder of Tests/Fixtures/invalid holds a content folder with one kind of mistake and the
/// exact diagnostics `kreds check --content content` prints for it (`expected.txt`).
@Suite struct InvalidSiteTests {
  static let fixtureNames: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: Fixtures.invalidSites.path)) ?? [])
    .filter { !$0.hasPrefix(".") }.sorted()

  @Test func thereAreFixtures() {
    #expect(Self.fixtureNames.count >= 40)
  }

  @Test(arguments: fixtureNames)
  func reportsExactlyTheExpectedDiagnostics(_ name: String) throws {
    let folder = Fixtures.invalidSites.appendingPathComponent(name)
    let expected = try String(
      contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8
    )
    .split(separator: "\n").map(String.init)
    // Paths print as the editor named the folder: `content/…`, as when run inside the fixture.
    let content = URL(fileURLWithPath: "content", relativeTo: folder)
    let report = try SiteBuilder.run(Fixtures.options(content: content, output: nil))
    let actual = report.diagnostics.map(\.description)
    #expect(actual == expected, "\(name):\n\(actual.joined(separator: "\n"))")
  }
}
