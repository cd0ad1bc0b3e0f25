import Foundation
import Testing

@testable import KredsSite

/// Kreds' trimming gives what Foundation's gives, for every kind of space and line end.
@Suite struct WhitespaceTests {
  static let samples: [String] = {
    let spaces = [
      " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}",
      "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
      "\u{FEFF}", "\r\n",
    ]
    var samples = ["", "a", "æblegrød", " \u{301}", "a \u{301}", "👍🏽"]
    for space in spaces {
      samples += [
        space, space + "x", "x" + space, space + "Grøn omstilling" + space, space + space,
      ]
    }
    return samples
  }()

  @Test func matchesFoundation() {
    for sample in Self.samples {
      #expect(
        sample.trimmingWhitespaceAndNewlines()
          == sample.trimmingCharacters(in: .whitespacesAndNewlines),
        "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
      #expect(
        sample.trimmingSpaces() == sample.trimmingCharacters(in: .whitespaces),
        "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
    }
  }
}
