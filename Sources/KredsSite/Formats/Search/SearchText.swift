/// The words of a text as the search index and `assets/search.js` both see them (SITE.md,
/// "Search"): a letter or digit, then letters, digits and combining marks, lower-cased and
/// folded, so that a reader who types "moede" or "maade" on a foreign keyboard finds "møde"
/// and "måde". Read scalar by scalar, with ASCII and Latin-1 looked up rather than computed:
/// a build reads every body of the site through here.
enum SearchText {
  /// Folding: æ/ä → ae, ø/ö → oe, å → aa, ß → ss, other accents dropped (é → e).
  static func fold(_ word: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in word.unicodeScalars { appendFolded(scalar, to: &result) }
    return String(result)
  }

  /// The folded words of `text`, in order (repeats kept).
  static func words(_ text: String) -> [String] {
    var words: [String] = []
    var current = String.UnicodeScalarView()
    func end() {
      if !current.isEmpty {
        words.append(String(current))
        current = String.UnicodeScalarView()
      }
    }
    for scalar in text.unicodeScalars {
      switch kind(of: scalar) {
      case .letterOrDigit: appendFolded(scalar, to: &current)
      case .mark where !current.isEmpty: appendFolded(scalar, to: &current)
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
  private static let latin1: [String.UnicodeScalarView] = (0xC0...0xFF).map { value in
    var view = String.UnicodeScalarView()
    if let scalar = Unicode.Scalar(value) { slowFold(scalar, to: &view) }
    return view
  }

  private static func appendFolded(
    _ scalar: Unicode.Scalar, to result: inout String.UnicodeScalarView
  ) {
    let value = scalar.value
    if value < 0x80 {
      result.append((0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 32)) : scalar)
    } else if (0xC0...0xFF).contains(value) {
      result.append(contentsOf: latin1[Int(value) - 0xC0])
    } else {
      slowFold(scalar, to: &result)
    }
  }

  private static func slowFold(_ scalar: Unicode.Scalar, to result: inout String.UnicodeScalarView)
  {
    for lower in scalar.properties.lowercaseMapping.unicodeScalars {
      switch lower {
      case "æ", "ä": result.append(contentsOf: "ae".unicodeScalars)
      case "ø", "ö": result.append(contentsOf: "oe".unicodeScalars)
      case "å": result.append(contentsOf: "aa".unicodeScalars)
      case "ß": result.append(contentsOf: "ss".unicodeScalars)
      case _ where lower.isASCII: result.append(lower)
      default:
        for part in String(lower).decomposedStringWithCanonicalMapping.unicodeScalars
        where part.properties.generalCategory != .nonspacingMark {
          result.append(part)
        }
      }
    }
  }
}
