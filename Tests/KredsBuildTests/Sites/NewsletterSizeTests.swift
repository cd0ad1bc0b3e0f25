import Foundation
import Testing

@testable import KredsBuild
@testable import KredsSite

/// Gmail clips long mail: an email version over 90 KB is a warning, over 100 KB an error that
/// names the newsletter's file and stops the build.
@Suite struct NewsletterSizeTests {
  func build(introParagraphs: Int) throws -> SiteBuilder.Report {
    let content = try Fixtures.siteWithNewsletter(introParagraphs: introParagraphs)
    defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
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
