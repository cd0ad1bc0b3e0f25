import Foundation
import Testing

@testable import KredsCalendar

/// The byte-level folding must fold exactly where the folding of whole Characters did.
@Suite struct ICalFoldingTests {
  /// The folding as it was written before, one String per piece.
  static func foldedByCharacters(_ line: String) -> String {
    var units: [String] = []
    var pendingBackslash = false
    for character in line {
      var unit = String(character)
      if pendingBackslash, let last = units.popLast() {
        unit = last + unit
        pendingBackslash = false
      } else if character == "\\" {
        pendingBackslash = true
      }
      if unit.utf8.count <= 74 {
        units.append(unit)
      } else {
        units += unit.unicodeScalars.map { String($0) }
      }
    }
    var result = ""
    var octetsOnLine = 0
    for unit in units {
      let size = unit.utf8.count
      if octetsOnLine + size > 75, octetsOnLine > 1 {
        result += "\r\n "
        octetsOnLine = 1
      }
      result += unit
      octetsOnLine += size
    }
    return result + "\r\n"
  }

  static let pieces = [
    "a", "\\", "\\n", "\\\\", "\\,", "æ", "Ø", "😀", "👍🏽", "👨‍👩‍👧", "e\u{301}", "日本", " ",
    "\r\n", "\t", "a" + String(repeating: "\u{301}", count: 40),
    "\\" + "a" + String(repeating: "\u{301}", count: 36), "\u{1F1E9}\u{1F1F0}", "x\u{200D}",
  ]

  @Test func foldsAsTheCharacterByCharacterFolding() {
    var generator = SystemRandomNumberGenerator()
    for length in [0, 1, 60, 74, 75, 76, 77, 150, 151, 400] {
      for _ in 0..<40 {
        var line = "DESCRIPTION:"
        while line.utf8.count < length {
          line += Self.pieces.randomElement(using: &generator) ?? ""
        }
        let ascii = String(line.unicodeScalars.filter(\.isASCII).map(Character.init))
        let alsoASCII = ascii.replacingOccurrences(of: "\r", with: "")
        for candidate in [line, ascii, alsoASCII] {
          #expect(
            ICalContentLine.fold(candidate) == Self.foldedByCharacters(candidate),
            "\(candidate.debugDescription)")
        }
      }
    }
  }

  @Test func foldsLinesWithParametersAsTheirText() {
    let parameters = [
      ICalContentLine.Parameter(name: "TZID", value: "Europe/Copenhagen"),
      ICalContentLine.Parameter(name: "CN", value: "\"Anna Æbelø\""),
    ]
    for value in ["x", String(repeating: "ab\\,", count: 10), String(repeating: "æ", count: 40)] {
      let line = ICalContentLine("DTSTART", parameters: parameters, value)
      var bytes: [UInt8] = []
      line.fold(into: &bytes)
      #expect(String(decoding: bytes, as: UTF8.self) == Self.foldedByCharacters(line.unfolded))
    }
  }
}
