import Testing

@testable import KredsSite

@Suite struct PlainTextLayoutTests {
  static let danish =
    "Landsbynetværket på Langeland inviterer til morgenmøde om grøn omstilling, "
    + "fællesspisning og åbne værksteder i forsamlingshuset. Tilmelding senest fredag; "
    + "alle er velkomne, også børn og bedsteforældre fra Ærø, Tåsinge og Strynø. "
    + "Kaffe og rundstykker står klar fra kl. 8.30, og vi slutter med en gåtur ved stranden."

  /// A URL of exactly 120 characters.
  static let longURL: String = {
    let base = "https://landsbynetvaerk.example.dk/nyhedsbreve/2026/oktober/groen-omstilling?"
    let query = "utm_source=nyhedsbrev&utm_medium=email&x="
    let url = base + query
    return url + String(repeating: "a", count: 120 - url.count)
  }()

  /// Undoes RFC 3986 Appendix C: joins the lines and drops the angle brackets.
  static func rejoin(_ lines: [String]) -> String {
    var joined = lines.map { $0.trimmingLeadingSpaces() }.joined()
    if joined.hasPrefix("<") && joined.hasSuffix(">") {
      joined = String(joined.dropFirst().dropLast())
    }
    return joined
  }

  @Test func wrapsDanishTextWithinTheWidth() {
    for width in [20, 40, 60, 78] {
      let lines = PlainTextLayout.wrap(Self.danish, width: width)
      #expect(lines.allSatisfy { $0.count <= width })
      #expect(lines.joined(separator: " ") == Self.danish)
      // Greedy: the next line's first word would not have fit.
      for (line, next) in zip(lines, lines.dropFirst()) {
        let firstWord = next.split(separator: " ").first.map(String.init) ?? ""
        #expect(line.count + 1 + firstWord.count > width)
      }
    }
  }

  @Test func countsCharactersNotBytes() {
    let text = String(repeating: "æøå ", count: 30)
    let lines = PlainTextLayout.wrap(text, width: 78)
    #expect(lines.first?.count == 75)
    #expect(lines.first?.utf8.count == 132)
    // "å" written as "a" with a combining ring is still one character.
    #expect(PlainTextLayout.wrap("a\u{30A}bc defg", width: 7) == ["a\u{30A}bc", "defg"])
  }

  @Test func indentsEveryLine() {
    let lines = PlainTextLayout.wrap(Self.danish, width: 50, indent: "    ")
    #expect(lines.allSatisfy { $0.hasPrefix("    ") && $0.count <= 50 })
    #expect(lines.map { $0.trimmingLeadingSpaces() }.joined(separator: " ") == Self.danish)
  }

  @Test func collapsesWhiteSpaceAndKeepsNoBreakSpaces() {
    #expect(PlainTextLayout.wrap("  a \n\n b\t c  ") == ["a b c"])
    #expect(PlainTextLayout.wrap("") == [])
    let lines = PlainTextLayout.wrap("aaaa kl.\u{A0}9", width: 7)
    #expect(lines == ["aaaa", "kl.\u{A0}9"])
  }

  @Test func breaksA120CharacterURLInAngleBrackets() {
    #expect(Self.longURL.count == 120)
    let lines = PlainTextLayout.wrap("Læs mere på " + Self.longURL + " i dag.")
    #expect(lines.allSatisfy { $0.count <= 78 })
    #expect(lines[0] == "Læs mere på")
    let urlLines = lines.dropFirst()
    #expect(urlLines.count == 2)
    #expect(urlLines.first?.hasPrefix("<https://") == true)
    // Text after the URL goes on after its last piece, as in RFC 3986 Appendix C.
    #expect(urlLines.joined() == "<" + Self.longURL + "> i dag.")
  }

  @Test func breaksURLsAfterTheCharactersRFC3986Suggests() {
    let lines = PlainTextLayout.link(Self.longURL)
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0.count <= 78 })
    #expect(lines[0].hasPrefix("<https://"))
    #expect(lines[1].hasSuffix(">"))
    #expect(["/", "-", "?", "&", "."].contains(lines[0].last))
    #expect(lines.joined() == "<" + Self.longURL + ">")
  }

  @Test func keepsAURLThatFitsWhole() {
    let url = "https://example.dk/nyhedsbreve/2026/oktober/groen-"
    let padded = url + String(repeating: "x", count: 60 - url.count)
    #expect(padded.count == 60)
    #expect(PlainTextLayout.link(padded) == [padded])
    let lines = PlainTextLayout.wrap("Se programmet på " + padded + " og tilmeld dig.")
    #expect(lines.contains { $0.contains(padded) && !$0.contains("<") })
    #expect(lines.allSatisfy { $0.count <= 78 })
  }

  @Test func keepsSentencePunctuationOutsideTheBrackets() {
    let lines = PlainTextLayout.wrap("Se (" + Self.longURL + ").", width: 78)
    #expect(lines.joined().contains("(<https://"))
    #expect(lines.last?.hasSuffix(">).") == true)
    let wiki = "https://da.wikipedia.org/wiki/Langeland_(ø)/" + String(repeating: "y", count: 60)
    #expect(PlainTextLayout.link(wiki).joined() == "<" + wiki + ">")
  }

  @Test func neverExceedsTheWidthEvenWithoutBreakPoints() {
    let word = String(repeating: "z", count: 200)
    let lines = PlainTextLayout.wrap("a " + word + " b", width: 78, indent: "  ")
    #expect(lines.allSatisfy { $0.count <= 78 })
    #expect(
      lines.map { $0.trimmingLeadingSpaces() }.joined(separator: "|") == "a|"
        + String(repeating: "z", count: 76) + "|" + String(repeating: "z", count: 76) + "|"
        + String(repeating: "z", count: 48) + " b")
    let url = "https://example.dk/" + String(repeating: "q", count: 150)
    #expect(PlainTextLayout.link(url, width: 40).allSatisfy { $0.count <= 40 })
    #expect(PlainTextLayout.link(url, width: 40).joined() == "<" + url + ">")
  }

  @Test func indentsBrokenURLs() {
    let lines = PlainTextLayout.link(Self.longURL, indent: "   ")
    #expect(lines.allSatisfy { $0.hasPrefix("   ") && $0.count <= 78 })
    #expect(Self.rejoin(lines) == Self.longURL)
  }

  @Test func underlinesHeadings() {
    #expect(
      PlainTextLayout.underline("Oktober på Langeland") == [
        "Oktober på Langeland", String(repeating: "=", count: 20),
      ])
    #expect(PlainTextLayout.underline("Kalender", with: "-") == ["Kalender", "--------"])
    let long = PlainTextLayout.underline(Self.danish, width: 40)
    #expect(long.allSatisfy { $0.count <= 40 })
    #expect(long.last?.count == long.dropLast().map(\.count).max())
    #expect(PlainTextLayout.underline("") == [])
  }

  @Test func bulletsHangTheirContinuationLines() {
    let lines = PlainTextLayout.bullet(Self.danish, width: 50)
    #expect(lines[0].hasPrefix("- "))
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") })
    #expect(lines.allSatisfy { $0.count <= 50 })
    let nested = PlainTextLayout.bullet(
      "Sted: Forsamlingshuset i Tranekær", marker: "* ", width: 30, indent: "  ")
    #expect(nested == ["  * Sted: Forsamlingshuset i", "    Tranekær"])
  }

  @Test func joinsBlocksIntoADocument() {
    let text = PlainTextLayout.document([["Overskrift", "=========="], [], ["Tekst"]])
    #expect(text == "Overskrift\n==========\n\nTekst\n")
    #expect(PlainTextLayout.document([]) == "")
    #expect(PlainTextLayout.rule(width: 5) == "-----")
  }
}

extension String {
  fileprivate func trimmingLeadingSpaces() -> String { String(drop { $0 == " " }) }
}
