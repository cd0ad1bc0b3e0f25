/// The words of a text as the search index and `assets/search.js` both see them (SITE.md,
/// "Search"): a letter or digit, then letters, digits and combining marks, lower-cased and
/// folded, so that a reader who types "moede" or "maade" on a foreign keyboard finds "møde"
/// and "måde". Read byte by byte, with ASCII and Latin-1 looked up rather than computed: a
/// build reads every body of the site through here.
enum SearchText {
  /// Folding: æ/ä → ae, ø/ö → oe, å → aa, ß → ss, other accents dropped (é → e).
  static func fold(_ word: String) -> String {
    var result: [UInt8] = []
    for scalar in word.unicodeScalars { appendFolded(scalar, to: &result) }
    return String(decoding: result, as: UTF8.self)
  }

  /// The folded words of `text`, in order (repeats kept).
  static func words(_ text: String) -> [String] {
    var text = text
    return text.withUTF8(words(in:))
  }

  /// The words of UTF-8 text, read byte by byte: ASCII at once, other scalars decoded.
  private static func words(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    var words: [String] = []
    var word: [UInt8] = []
    word.reserveCapacity(64)
    func end() {
      if !word.isEmpty {
        words.append(String(decoding: word, as: UTF8.self))
        word.removeAll(keepingCapacity: true)
      }
    }
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        switch byte {
        case 0x61...0x7A, 0x30...0x39: word.append(byte)
        case 0x41...0x5A: word.append(byte + 32)
        default: end()
        }
        index += 1
        continue
      }
      // A Swift string is valid UTF-8: the lead byte says how many follow.
      let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
      var value = UInt32(byte & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
      for offset in 1..<length where index + offset < bytes.count {
        value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
      }
      index += length
      guard let scalar = Unicode.Scalar(value) else {
        end()
        continue
      }
      switch kind(of: scalar) {
      case .letterOrDigit: appendFolded(scalar, to: &word)
      case .mark where !word.isEmpty: appendFolded(scalar, to: &word)
      default: end()
      }
    }
    end()
    return words
  }

  private enum Kind { case letterOrDigit, mark, other }

  private static func kind(of scalar: Unicode.Scalar) -> Kind {
    let value = scalar.value
    if value < 0x80 {
      return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
        || (0x30...0x39).contains(value) ? .letterOrDigit : .other
    }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber:
      return .letterOrDigit
    case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
    default: return .other
    }
  }

  /// The folded form of every Latin-1 letter (U+00C0–U+00FF), as `fold` makes it.
  private static let latin1: [[UInt8]] = (0xC0...0xFF).map { value in
    var bytes: [UInt8] = []
    if let scalar = Unicode.Scalar(value) { slowFold(scalar, to: &bytes) }
    return bytes
  }

  private static func appendFolded(_ scalar: Unicode.Scalar, to result: inout [UInt8]) {
    let value = scalar.value
    if value < 0x80 {
      result.append((0x41...0x5A).contains(value) ? UInt8(value + 32) : UInt8(value))
    } else if (0xC0...0xFF).contains(value) {
      result += latin1[Int(value) - 0xC0]
    } else {
      slowFold(scalar, to: &result)
    }
  }

  private static func slowFold(_ scalar: Unicode.Scalar, to result: inout [UInt8]) {
    for lower in scalar.properties.lowercaseMapping.unicodeScalars {
      switch lower {
      case "æ", "ä": result += "ae".utf8
      case "ø", "ö": result += "oe".utf8
      case "å": result += "aa".utf8
      case "ß": result += "ss".utf8
      case _ where lower.isASCII: result.append(UInt8(lower.value))
      default:
        for part in String(lower).decomposedStringWithCanonicalMapping.unicodeScalars
        where part.properties.generalCategory != .nonspacingMark {
          result += String(part).utf8
        }
      }
    }
  }
}
