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
