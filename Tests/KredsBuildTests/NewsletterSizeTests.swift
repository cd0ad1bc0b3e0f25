import Foundation
import Testing

@testable import KredsBuild
@testable import KredsSite

/// Gmail clips long mail: an email version over 90 KB is a warning, over 100 KB an error that
/// names the newsletter's file and stops the build.
@Suite struct NewsletterSizeTests {
  func build(introParagraphs: Int) throws -> SiteBuilder.Report {
    let content = try Fixtures.temporaryFolder().appendingPathComponent("content")
    defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
    let folder = content.appendingPathComponent("networks/net/newsletters")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try "title: Test\nbase_url: https://example.dk/\n".write(
      to: content.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
    try "---\ntitle: Net\nsummary: Et netværk.\n---\n".write(
      to: content.appendingPathComponent("networks/net/index.md"), atomically: true,
      encoding: .utf8)
    let paragraph = String(repeating: "Lang introduktion med mange ord om netværket. ", count: 20)
    let body = Array(repeating: paragraph, count: introParagraphs).joined(separator: "\n\n")
    try "---\ndate: 2026-10-05\n---\n\n\(body)\n".write(
      to: folder.appendingPathComponent("nr-1.md"), atomically: true, encoding: .utf8)
    return try SiteBuilder.run(Fixtures.options(content: content, output: nil))
  }

  @Test func aShortIssueHasNoSizeProblem() throws {
    let report = try build(introParagraphs: 3)
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    #expect(report.files != nil)
  }

  @Test func anIssueOver90KBIsAWarning() throws {
    let report = try build(introParagraphs: 89)
    #expect(report.diagnostics.map(\.severity) == [.warning], "\(report.diagnostics)")
    #expect(report.diagnostics.first?.file.hasSuffix("networks/net/newsletters/nr-1.md") == true)
    #expect(report.files != nil)
  }

  @Test func anIssueOver100KBIsAnErrorAndNothingIsBuilt() throws {
    let report = try build(introParagraphs: 120)
    #expect(report.diagnostics.map(\.severity) == [.error], "\(report.diagnostics)")
    #expect(report.diagnostics.first?.message.contains("KB") == true)
    #expect(report.files == nil)
  }
}
