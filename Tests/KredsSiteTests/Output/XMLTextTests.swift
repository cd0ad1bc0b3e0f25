import Testing

@testable import KredsSite

/// The byte-level XML escaper against the plain scalar-by-scalar rule it replaced.
@Suite struct XMLTextTests {
  static func reference(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  @Test func escapesAndDropsLikeTheScalarRule() {
    var samples = [
      "", "Grøn omstilling", "a & b < c > d \"e\" 'f'", "\u{FFFE}x\u{FFFF}\u{FFFD}\u{EFBF}",
      "]]>", "\t\n\r", "e\u{301}\"", "👍🏽 & 😀",
    ]
    for value in 0..<0x20 { samples.append("x\(Character(Unicode.Scalar(UInt8(value))))y") }
    for sample in samples {
      #expect(XMLText.escape(sample) == Self.reference(sample))
    }
  }
}
