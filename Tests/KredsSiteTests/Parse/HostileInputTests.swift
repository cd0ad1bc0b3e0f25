import Foundation
import Testing

@testable import KredsSite

/// Escaping and refusal of hostile strings (docs/RELIABILITY.md, "Hostile input: escaping").
@Suite struct HostileInputTests {
  func parse(_ path: String, _ text: String) -> ParsedFile {
    ContentParser.parse(SourceFile(path: path, bytes: Array(text.utf8)), settings: nil)
  }

  func lines(_ file: ParsedFile) -> [String] { file.diagnostics.sorted().map(\.description) }

  static let eventStart = "---\nstart: 2026-12-01 09:00\nlocation: {name: Hal}\n"

  // MARK: HTML escaping

  @Test func quoteFollowedByCombiningMarkIsEscaped() {
    // `"` + U+0301 is one Character that equals no quote; the HTML parser still ends the
    // attribute at the quote, so escaping must look at scalars.
    let escaped = HTMLText.escape("x\"\u{301} onerror=alert(1) '\u{301} <\u{301}")
    #expect(escaped == "x&quot;\u{301} onerror=alert(1) &#39;\u{301} &lt;\u{301}")
    #expect(!escaped.unicodeScalars.contains("\""))
  }

  // MARK: Characters refused in values

  @Test func controlCharactersInValuesAreRefusedByName() {
    let file = parse(
      "networks/n/events/e.md",
      Self.eventStart
        + "title: \"Møde\\0\"\nsummary: \"a\\e[31m\"\ntags: [\"x\\x01\"]\nuid: \"a\\r\\nX-EVIL:1\"\n---\n"
    )
    #expect(
      lines(file) == [
        "networks/n/events/e.md:4:8: error: 'title' contains the control character U+0000 (NUL); remove it",
        "networks/n/events/e.md:5:10: error: 'summary' contains the control character U+001B (ESCAPE); remove it",
        "networks/n/events/e.md:6:8: error: 'tags[1]' contains the control character U+0001; remove it",
        "networks/n/events/e.md:7:6: error: 'uid' contains a carriage return (U+000D); remove it, or write \\n in a quoted value for a line break",
      ])
  }

  @Test func directionOverridesAreRefusedInValuesAndInTheFile() {
    let value = parse(
      "networks/n/events/e.md", Self.eventStart + "title: \"Faktura \\u202Efdp.exe\"\n---\n")
    #expect(
      lines(value) == [
        "networks/n/events/e.md:4:8: error: 'title' contains the invisible direction control U+202E (RIGHT-TO-LEFT OVERRIDE), which shows text in another order than it is written; remove it (right-to-left words show correctly without it)"
      ])
    let body = parse(
      "networks/n/stories/s.md", "---\ntitle: T\ndate: 2026-11-01\n---\n\nab \u{2066}c\u{2069}\n")
    #expect(
      lines(body) == [
        "networks/n/stories/s.md:6:4: error: the file contains the invisible direction control U+2066 (LEFT-TO-RIGHT ISOLATE), which shows text in another order than it is written; remove it (right-to-left words show correctly without it)",
        "networks/n/stories/s.md:6:6: error: the file contains the invisible direction control U+2069 (POP DIRECTIONAL ISOLATE), which shows text in another order than it is written; remove it (right-to-left words show correctly without it)",
      ])
  }

  @Test func rawControlCharactersAndNulArePlacedAtTheirColumn() {
    let file = parse(
      "networks/n/stories/s.md", "---\ntitle: T\ndate: 2026-11-01\n---\n\næø \u{1B}[31m\u{0}\n")
    #expect(
      lines(file) == [
        "networks/n/stories/s.md:6:4: error: the file contains the control character U+001B (ESCAPE); remove it",
        "networks/n/stories/s.md:6:9: error: the file contains the control character U+0000 (NUL); remove it",
      ])
  }

  @Test func lineFeedsAndTabsAndCRLFFilesAreAccepted() {
    let file = parse(
      "networks/n/events/e.md",
      (Self.eventStart + "title: \"To\\nlinjer\\tmed tab\"\n---\r\n\r\nTekst\twith tab.\r\n")
        .replacingOccurrences(of: "\n", with: "\r\n").replacingOccurrences(
          of: "\r\r\n", with: "\r\n"))
    #expect(file.diagnostics.isEmpty)
  }

  // MARK: Addresses

  @Test func emailAddressesCannotCarryHeaderOrParameterSyntax() {
    for address in [
      "a@example.dk>, Bcc: <b@example.com", "a@example.dk;RSVP=TRUE:mailto:b@example.com",
      "\"a\"@example.dk", "a\"\u{301}@example.dk", "a@example.dk,b@example.com", "a(b)@example.dk",
    ] {
      #expect(!Validation.isEmail(address), "\(address)")
    }
    #expect(Validation.isEmail("kontakt@example.dk"))
    #expect(Validation.isEmail("søren.æblerød+nyt@eksempel.dk"))
  }

  @Test func scriptURLsInURLFieldsNameTheScheme() {
    let file = parse(
      "networks/n/events/e.md",
      Self.eventStart + "title: T\nregistration:\n  url: \"JavaScript:alert(1)\"\n---\n")
    #expect(
      lines(file) == [
        "networks/n/events/e.md:6:8: error: 'registration.url' must be a full web address starting with https:// or http://, found 'JavaScript:alert(1)'; 'javascript:' addresses are not allowed (they run code or hide a file in the link)"
      ])
  }

  @Test func bodyLinksAreReadAsBrowsersReadThem() {
    // cmark decodes `&#9;` to a tab; browsers remove tabs from URLs, leaving `javascript:`.
    let file = parse(
      "networks/n/stories/s.md",
      "---\ntitle: T\ndate: 2026-11-01\n---\n\n[a](java&#9;script:alert(1)) [b](DATA:text/html,x)\n"
    )
    #expect(
      lines(file) == [
        "networks/n/stories/s.md:6:1: error: links and images may not use 'javascript:' addresses; use an https:// address or a file in media/",
        "networks/n/stories/s.md:6:30: error: links and images may not use 'data:' addresses; use an https:// address or a file in media/",
      ])
    #expect(LinkScheme.asBrowsersRead(" \u{1}java\n\tscript:x \u{0}") == "javascript:x")
  }

  @Test func schemesAreReadAsTheURLParserReadsThem() {
    #expect(LinkScheme.of("HTTPS://example.dk/") == "https")
    #expect(LinkScheme.of("mailto:kontakt@example.dk") == "mailto")
    #expect(LinkScheme.of("web+kreds-1.0:x") == "web+kreds-1.0")
    #expect(LinkScheme.of("../events/x.md") == nil)
    #expect(LinkScheme.of("1http://x") == nil)
    #expect(LinkScheme.of("jäva:x") == nil)
    #expect(LinkScheme.of("media/a:b.pdf") == nil)
    // A combining mark after the colon makes one `Character` of the two; the URL parser still
    // ends the scheme at the colon.
    #expect(LinkScheme.of("JavaScript:\u{301}alert(1)") == "javascript")
  }

  @Test func unsubscribeMayNotBeAScriptURL() {
    let file = ContentParser.parseSettings(
      SourceFile(
        path: "site.yaml",
        bytes: Array(
          "title: T\nbase_url: https://example.dk/\nnewsletter_unsubscribe: \" Java\\tScript:alert(1)\"\n"
            .utf8)))
    #expect(
      lines(file) == [
        "site.yaml:3:25: error: 'newsletter_unsubscribe' may not be a 'javascript:' address; write the unsubscribe merge tag of your mail tool, such as *|UNSUB|* or {{ UnsubscribeURL }}, or an https:// address"
      ])
    let tag = ContentParser.parseSettings(
      SourceFile(
        path: "site.yaml",
        bytes: Array(
          "title: T\nbase_url: https://example.dk/\nnewsletter_unsubscribe: \"{{ UnsubscribeURL }}\"\n"
            .utf8)))
    #expect(tag.diagnostics.isEmpty)
  }
}

@Suite struct ForbiddenCharacterTests {
  @Test func noncharactersAreFoundByArithmeticAsUnicodeDefinesThem() {
    for value: UInt32 in 0...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let refused = ForbiddenCharacters.problem(scalar)?.what.contains("noncharacter") == true
      #expect(refused == scalar.properties.isNoncharacterCodePoint, "U+\(value)")
      if refused != scalar.properties.isNoncharacterCodePoint { return }
    }
  }
}
