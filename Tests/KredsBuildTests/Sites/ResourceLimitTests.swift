import Foundation
import Testing

@testable import KredsBuild
@testable import KredsMarkdown
@testable import KredsSite

/// Content built to exhaust time, memory or the stack is refused with its position, quickly:
/// see docs/RELIABILITY.md for the bounds and what they cost without the limits.
@Suite struct ResourceLimitTests {
  /// The smallest valid site, with `body` as the body of its one event and `frontMatter` added
  /// to the event's front matter.
  func site(frontMatter: String = "", body: String = "Tekst.\n") throws -> URL {
    let folder = try Fixtures.temporaryFolder()
    let content = folder.appendingPathComponent("content")
    try FileManager.default.copyItem(
      at: Fixtures.invalidSites.appendingPathComponent("valid-minimal/content"), to: content)
    let event =
      "---\ntitle: Møde\nstart: 2026-12-01 09:00\nlocation:\n  name: Hotel\n\(frontMatter)---\n\n\(body)"
    try Data(event.utf8).write(to: eventFile(in: folder))
    return folder
  }

  func eventFile(in folder: URL) -> URL {
    folder.appendingPathComponent("content/networks/net/events/x.md")
  }

  func diagnostics(of folder: URL) throws -> [String] {
    let content = folder.appendingPathComponent("content")
    let report = try SiteBuilder.run(Fixtures.options(content: content, output: nil))
    return report.diagnostics.map {
      let file = $0.file.replacingOccurrences(of: content.path + "/", with: "")
      return "\(file):\($0.location.line):\($0.location.column): \($0.message)"
    }
  }

  @Test func aFileOverOneMegabyteIsRefusedWithoutBeingRead() throws {
    let folder = try site()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A sparse 100 MB file: refused from its size, so the test reads none of it.
    let handle = try FileHandle(forWritingTo: eventFile(in: folder))
    try handle.truncate(atOffset: 100 << 20)
    try handle.close()
    #expect(
      try diagnostics(of: folder) == [
        "networks/net/events/x.md:1:1: this file is 100.0 MB and a content file can be at most 1 MB; split the text into several pages, or put documents in media/ and link to them"
      ])
  }

  @Test func aMillionLineBodyIsRefusedBySize() throws {
    let folder = try site(body: String(repeating: "- punkt\n", count: 1_000_000))
    defer { try? FileManager.default.removeItem(at: folder) }
    let found = try diagnostics(of: folder)
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("networks/net/events/x.md:1:1: this file is 7.6 MB") == true)
  }

  @Test func aLongBodyUnderTheLimitBuilds() throws {
    // 100,000 lines of list items and paragraphs, just under 1 MB.
    let lines = (0..<100_000).map { $0 % 3 == 0 ? "Linje *\($0)*\n" : "- \($0)" }
    let folder = try site(body: lines.joined(separator: "\n"))
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try diagnostics(of: folder) == [])
  }

  @Test func yamlNestedTenThousandDeepIsRefused() throws {
    for value in [
      String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
      "\n  " + String(repeating: "- ", count: 10_000) + "x",
    ] {
      let folder = try site(frontMatter: "x: \(value)\n")
      defer { try? FileManager.default.removeItem(at: folder) }
      let found = try diagnostics(of: folder)
      #expect(found.count == 1)
      #expect(found.first?.contains(": YAML nesting is deeper than 1,000 levels here") == true)
    }
  }

  static let deepBodies = [
    "quotes": String(repeating: ">", count: 10_000) + " tekst\n",
    "lists": String(repeating: "- ", count: 10_000) + "x\n",
    "emphasis": String(repeating: "*a **", count: 5_000) + "x"
      + String(repeating: "** a*", count: 5_000),
  ]

  @Test(arguments: [("quotes", "8:33"), ("lists", "8:33"), ("emphasis", "8:79")])
  func markdownNestedTooDeepIsRefused(shape: String, position: String) throws {
    let folder = try site(body: Self.deepBodies[shape] ?? "")
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(
      try diagnostics(of: folder) == [
        "networks/net/events/x.md:\(position): the text is nested more than 32 levels deep here (lists, quotes, emphasis or links inside each other); remove the extra levels"
      ], "\(shape)")
  }

  @Test func markdownNestedToTheLimitBuilds() throws {
    let folder = try site(body: String(repeating: "> ", count: 31) + "tekst\n")
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try diagnostics(of: folder) == [])
  }

  @Test func paragraphsWithThousandsOfBracketsAreRefused() throws {
    let folder = try site(body: "Intro.\n\n" + String(repeating: "![[]()\n", count: 40_000))
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(
      try diagnostics(of: folder) == [
        "networks/net/events/x.md:510:2: this paragraph has more than 1000 '[' (links and images); split it with blank lines"
      ])
  }

  @Test func bracketsAreCountedPerParagraph() {
    let body = String(repeating: String(repeating: "[a](b) ", count: 900) + "\n\n", count: 10)
    #expect(MarkdownLimits.firstViolation(in: body) == nil)
  }

  @Test func tableRowsWithThousandsOfCellsAreRefused() throws {
    let row = "|" + String(repeating: "a|", count: 20_000) + "\n"
    let folder = try site(body: row + "|" + String(repeating: "-|", count: 20_000) + "\n" + row)
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(
      try diagnostics(of: folder) == [
        "networks/net/events/x.md:8:401: this line has more than 200 '|'; a table can have at most 199 columns"
      ])
  }

  @Test func aSymbolicLinkToAnEnclosingFolderIsRefusedNotFollowedForever() throws {
    let folder = try site()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("content/networks/net/events/up").path,
      withDestinationPath: "..")
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("content/pages/passwd.md").path,
      withDestinationPath: "/etc/passwd")
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("content/pages/borte.md").path,
      withDestinationPath: "findes-ikke.md")
    #expect(
      try diagnostics(of: folder) == [
        "networks/net/events/up:1:1: this symbolic link points back to a folder that contains it, which would never end; remove it",
        "pages/borte.md:1:1: this symbolic link points at nothing; remove it",
        "pages/passwd.md:1:1: this is a symbolic link to '/etc/passwd', outside the content folder; copy the file into the content folder instead",
      ])
  }

  @Test func aFileNameThatIsNotUTF8IsReported() throws {
    let folder = try site()
    defer { try? FileManager.default.removeItem(at: folder) }
    // "m\u{FF}de.md": a byte that no UTF-8 text has, as an old Windows tool might write it.
    let path =
      Array(folder.appendingPathComponent("content/pages/").path.utf8)
      + [0x2F, 0x6D, 0xFF, 0x64, 0x65, 0x2E, 0x6D, 0x64, 0]
    let descriptor = path.withUnsafeBufferPointer { bytes in
      bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
    }
    #expect(descriptor >= 0)
    close(descriptor)
    let found = try diagnostics(of: folder)
    #expect(
      found == [
        "pages/m\u{FFFD}de.md:1:1: this file name is not valid UTF-8 (shown with \u{FFFD} for the bytes that are not); rename the file"
      ], "\(found)")
  }
}
