import Foundation
import Testing

@testable import KredsBuild
@testable import KredsSite

/// The hostile fixture (Tests/Fixtures/hostile, docs/RELIABILITY.md): every text field and body
/// carries strings that try to become markup, a property or a header. `make conformance` reads
/// every output with real parsers (Tests/Conformance/hostilecheck.py); this test keeps the site
/// building, with no diagnostics at all, and catches the plainest break-outs without Python.
@Suite struct HostileSiteTests {
  static let content = Fixtures.repository.appendingPathComponent("Tests/Fixtures/hostile/content")

  @Test func buildsWithoutDiagnosticsAndNoStringBecomesMarkup() throws {
    let report = try SiteBuilder.run(Fixtures.options(content: Self.content, output: nil))
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description))")
    let files = report.files ?? []
    #expect(files.count > 30)
    for file in files {
      guard case .bytes(let bytes) = file.content else { continue }
      let text = String(decoding: bytes, as: UTF8.self)
      if file.path.hasSuffix(".html") || file.path.hasSuffix(".xml") {
        for markup in ["<script>alert", "<img src=x", "<svg", "<b>", "\" onerror="] {
          #expect(!text.contains(markup), "\(file.path) holds \(markup)")
        }
        // The theme's own frame is the embeddable list's preview; no other may appear.
        let frames = text.components(separatedBy: "<iframe").count - 1
        let previews =
          text.components(separatedBy: "<iframe class=\"embed-preview__frame\"").count - 1
        #expect(frames == previews, "\(file.path) holds an <iframe> of its content")
      }
      if file.path.hasSuffix(".ics") {
        let lines = text.components(separatedBy: "\r\n")
        #expect(
          !lines.contains { $0.hasPrefix("ATTENDEE") || $0.hasPrefix("X-EVIL") }, "\(file.path)")
        #expect(
          lines.filter { $0 == "BEGIN:VEVENT" }.count == lines.filter { $0 == "END:VEVENT" }.count)
      }
      if file.path.hasSuffix(".eml") {
        let headers = text.components(separatedBy: "\r\n\r\n").first ?? ""
        #expect(!headers.contains("\r\nBcc:") && !headers.contains("\r\nX-Evil:"), "\(file.path)")
      }
    }
  }
}
