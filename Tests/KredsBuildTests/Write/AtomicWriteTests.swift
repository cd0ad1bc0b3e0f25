import Foundation
import Testing

@testable import KredsBuild
@testable import KredsSite

@Suite struct AtomicWriteTests {
  /// A copy of the example content in a temporary folder, to break.
  func copyOfExample(in folder: URL) throws -> URL {
    let content = folder.appendingPathComponent("content")
    try FileManager.default.copyItem(at: Fixtures.exampleContent, to: content)
    return content
  }

  @Test func aFailingBuildLeavesThePreviousSiteUntouched() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let content = try copyOfExample(in: folder)
    let output = folder.appendingPathComponent("site")
    _ = try SiteBuilder.run(Fixtures.options(content: content, output: output))
    let before = Fixtures.tree(output)

    let page = content.appendingPathComponent("pages/om.md")
    try "---\ntitle: Om\nstrat: 1\n---\n".write(to: page, atomically: true, encoding: .utf8)
    let report = try SiteBuilder.run(Fixtures.options(content: content, output: output))
    #expect(report.files == nil)
    #expect(report.diagnostics.contains { $0.message == "unknown key 'strat'" })
    #expect(Fixtures.tree(output) == before)
  }

  @Test func aSuccessfulBuildLeavesNoStaleFiles() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let content = try copyOfExample(in: folder)
    let output = folder.appendingPathComponent("site")
    let page = content.appendingPathComponent("pages/midlertidig.md")
    try "---\ntitle: Midlertidig\n---\nSnart væk.\n".write(
      to: page, atomically: true, encoding: .utf8)
    _ = try SiteBuilder.run(Fixtures.options(content: content, output: output))
    #expect(
      FileManager.default.fileExists(
        atPath: output.appendingPathComponent("midlertidig/index.html").path))
    try FileManager.default.removeItem(at: page)
    try "stale".write(
      to: output.appendingPathComponent("stale.txt"), atomically: true, encoding: .utf8)
    _ = try SiteBuilder.run(Fixtures.options(content: content, output: output))
    #expect(
      !FileManager.default.fileExists(
        atPath: output.appendingPathComponent("midlertidig/index.html").path))
    #expect(
      !FileManager.default.fileExists(atPath: output.appendingPathComponent("stale.txt").path))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.contains("kreds-") && $0 != ".kreds-cache"
    }
    #expect(leftovers.isEmpty)
  }

  @Test func refusesDangerousOutputFolders() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let content = try copyOfExample(in: folder)
    for output in [
      content, folder, content.appendingPathComponent("media"), URL(fileURLWithPath: "/"),
      FileManager.default.homeDirectoryForCurrentUser,
      URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
    ] {
      #expect(throws: BuildError.self, "\(output.path) must be refused") {
        try SiteBuilder.run(Fixtures.options(content: content, output: output))
      }
    }
    #expect(
      FileManager.default.fileExists(atPath: content.appendingPathComponent("site.yaml").path))
  }
}
