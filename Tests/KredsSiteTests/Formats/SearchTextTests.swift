import Foundation
import Testing

@testable import KredsSite

/// The words of the search index (issue 30): folding, and the Danish and English stemmers
/// against libstemmer's stems of thousands of words (Tests/Fixtures/search/*-stems.tsv).
@Suite struct SearchTextTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "Fixtures/search")

  @Test func foldingMakesForeignKeyboardsMeetDanishLetters() {
    #expect(SearchText.fold("Møde") == "moede")
    #expect(SearchText.fold("Vævning") == "vaevning")
    #expect(SearchText.fold("Åbent") == "aabent")
    #expect(SearchText.fold("Café") == "cafe")
    #expect(
      SearchText.words("Erhvervsnetværk – CO2-udledning, 2027!") == [
        "erhvervsnetvaerk", "co2", "udledning", "2027",
      ])
  }

  /// The obvious reading, scalar by scalar through Unicode's properties, as search.js's
  /// `/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu` and `fold` read: the fast byte reader must agree.
  static func referenceWords(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    for scalar in text.unicodeScalars {
      let category = scalar.properties.generalCategory
      let letterOrDigit = [
        .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .decimalNumber, .letterNumber, .otherNumber,
      ].contains(category)
      let mark = [.nonspacingMark, .spacingMark, .enclosingMark].contains(category)
      if letterOrDigit || (mark && !current.isEmpty) {
        current.unicodeScalars.append(scalar)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    return words.map(SearchText.fold)
  }

  @Test func theFastReaderReadsAsTheReference() throws {
    var texts = [
      "Møde på Ærø – ÅBENT HUS! café naïve Ångström straße ẞ İstanbul Σοφία ΣΟΦΙΑΣ 東京 😀x e\u{301}t",
      "CO2-udledning 2027-03-10 kl. 9.00 ½ ² ٣ \u{202E}møde\u{202C} \u{200F}x a\u{0308}b \u{0301}start",
    ]
    let repository = Self.fixtures.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    for folder in ["content", "Tests/Fixtures/hostile/content"] {
      let root = repository.appendingPathComponent(folder)
      let files = FileManager.default.enumerator(atPath: root.path)
      while let path = files?.nextObject() as? String {
        if path.hasSuffix(".md") {
          texts.append(try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
        }
      }
    }
    #expect(texts.count > 40)
    for text in texts {
      #expect(SearchText.words(text) == Self.referenceWords(text), "\(text.prefix(80))")
    }
  }

  @Test(arguments: [Language.da, .en])
  func theStemmerIsLibstemmers(language: Language) throws {
    let name = language == .da ? "danish" : "english"
    let stemmer = SearchStemmer(language: language)
    let table = try String(
      contentsOf: Self.fixtures.appendingPathComponent("\(name)-stems.tsv"), encoding: .utf8)
    var checked = 0
    var wrong: [String] = []
    for line in table.split(separator: "\n") where !line.hasPrefix("#") {
      let parts = line.split(separator: "\t").map(String.init)
      guard parts.count == 2 else { continue }
      checked += 1
      let stem = stemmer.stem(parts[0])
      if stem != parts[1] { wrong.append("\(parts[0]): \(stem), libstemmer \(parts[1])") }
    }
    #expect(checked > 3000)
    #expect(wrong.isEmpty, "\(wrong.count) of \(checked): \(wrong.prefix(10))")
  }
}
