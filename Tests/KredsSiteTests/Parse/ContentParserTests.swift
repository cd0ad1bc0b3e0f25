import Foundation
import Testing

@testable import KredsSite

@Suite struct ContentParserTests {
  func parse(_ path: String, _ text: String) -> ParsedFile {
    ContentParser.parse(SourceFile(path: path, bytes: Array(text.utf8)), settings: nil)
  }

  func lines(_ file: ParsedFile) -> [String] { file.diagnostics.sorted().map(\.description) }

  @Test func pointsAtTheBadValueAndTheUnknownKey() {
    let file = parse(
      "networks/groent/events/moede.md",
      "---\ntitle: Møde\nstart: 25/1 kl 9\nlocation: {name: Rådhuset}\nstrat: 2023-01-25 09:00\n---\nTekst\n"
    )
    #expect(
      lines(file) == [
        "networks/groent/events/moede.md:3:8: error: 'start' must be a date and time like 2023-01-25 09:00, or a date like 2023-01-25, found '25/1 kl 9'",
        "networks/groent/events/moede.md:5:1: error: unknown key 'strat'; did you mean 'start'?",
      ])
    #expect(file.item == nil)
  }

  @Test func yamlTypingDoesNotChangeMeaning() throws {
    let file = parse(
      "networks/n/events/e.md",
      "---\ntitle: 2023\nstart: \"2023-01-25 09:00\"\nend: 2023-01-25 11:00\nlocation:\n  name: Hal\n  postal_code: 05300\n---\n"
    )
    #expect(file.diagnostics.isEmpty)
    guard case .event(let event)? = file.item else {
      Issue.record("expected an event")
      return
    }
    #expect(event.title == "2023")
    #expect(event.location?.postalCode == "05300")
    #expect(event.end == LocalDateTime(parsing: "2023-01-25 11:00"))
  }

  @Test func acceptsByteOrderMarkAndCRLF() {
    let file = parse("pages/om.md", "\u{FEFF}---\r\ntitle: Om os\r\nstrat: x\r\n---\r\nHej\r\n")
    #expect(lines(file) == ["pages/om.md:3:1: error: unknown key 'strat'"])
  }

  /// Found by FuzzFrontMatter: YAML counts a lone CR as a line end and the front matter split did
  /// not, so a problem after one was reported on a line past the end of the file.
  @Test func loneCarriageReturnsEndLinesLikeYAMLDoes() {
    let file = parse("pages/om.md", "---\rtitle: Om os\r\r\rstrat: x\r---\rHej\r")
    #expect(lines(file) == ["pages/om.md:5:1: error: unknown key 'strat'"])
    let mixed = parse("pages/om.md", "---\ntitle: Om\r\r\r\rdate: [\n---\nHej\n")
    #expect(mixed.diagnostics.count == 1)
    #expect(mixed.diagnostics.allSatisfy { $0.location.line <= 8 })
  }

  @Test func refusesAnAliasBombWithoutExpandingIt() {
    var yaml = "---\ntitle: Bombe\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...8 {
      let previous = level == 1 ? "a" : "l\(level - 1)"
      yaml +=
        "l\(level): &l\(level) ["
        + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
    }
    yaml += "---\n"
    let file = parse("pages/bombe.md", yaml)
    #expect(file.diagnostics.contains { $0.message.contains("aliases") })
  }

  @Test func reportsNonUTF8WithTheByteOffset() {
    let bytes: [UInt8] = Array("---\ntitle: M".utf8) + [0xF8] + Array("de\n---\n".utf8)
    let file = ContentParser.parse(SourceFile(path: "pages/x.md", bytes: bytes), settings: nil)
    #expect(
      lines(file) == [
        "pages/x.md:2:9: error: the file is not UTF-8 text: byte 0xF8 at byte offset 12 cannot be read; save the file as UTF-8"
      ])
  }

  @Test func namesTheRulePartAndItsColumn() {
    let file = parse(
      "networks/n/events/serie.md",
      "---\ntitle: Serie\nstart: 2026-09-16 17:00\nonline: {url: https://example.dk/m}\nrepeat:\n  rule: \"FREQ=MONTHLY;BYSETPOS=3;COUNT=4\"\n---\n"
    )
    #expect(
      lines(file) == [
        "networks/n/events/serie.md:6:23: error: repeat rule: rule part 'BYSETPOS' is not supported; use FREQ, INTERVAL, COUNT or UNTIL, BYDAY, BYMONTHDAY and BYMONTH"
      ])
  }

  @Test func classifiesPaths() {
    #expect(ContentPath.classify("networks/a/events/b.md") == .event(network: "a", slug: "b"))
    #expect(ContentPath.classify("events/b.md") == .event(network: nil, slug: "b"))
    #expect(ContentPath.classify("media/x/y.pdf") == .media)
    if case .stray = ContentPath.classify("notes.txt") {
    } else {
      Issue.record("notes.txt must be stray")
    }
    if case .stray = ContentPath.classify("networks/a/b.md") {
    } else {
      Issue.record("networks/a/b.md must be stray")
    }
  }
}

@Suite struct CharacterColumnsTests {
  @Test func bytesBecomeCharactersAcrossLinksOnOneLine() {
    var columns = CharacterColumns(lines: ["æøå [a](b) ü [c](d)", "[e](f)"])
    // cmark counts bytes: the second link starts at byte 18, character 14.
    #expect(columns.column(ofByte: 8, onLine: 1) == 5)
    #expect(columns.column(ofByte: 18, onLine: 1) == 14)
    #expect(columns.column(ofByte: 1, onLine: 2) == 1)
    // Back on an earlier position: counted again from the line's start.
    #expect(columns.column(ofByte: 8, onLine: 1) == 5)
  }
}
