/// A URL-safe name: a file or folder name without `.md`, matching `^[a-z0-9]+(-[a-z0-9]+)*$`.
public struct Slug: Hashable, Sendable, Comparable, CustomStringConvertible {
  public let rawValue: String

  /// Nil when `rawValue` is not a valid slug.
  public init?(_ rawValue: String) {
    guard Slug.isValid(rawValue) else { return nil }
    self.rawValue = rawValue
  }

  public var description: String { rawValue }

  public static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.rawValue < rhs.rawValue }

  public static func isValid(_ text: String) -> Bool {
    var previousWasHyphen = true  // a leading hyphen is invalid
    for scalar in text.unicodeScalars {
      switch scalar {
      case "a"..."z", "0"..."9": previousWasHyphen = false
      case "-":
        if previousWasHyphen { return false }
        previousWasHyphen = true
      default: return false
      }
    }
    return !text.isEmpty && !previousWasHyphen
  }

  /// A valid slug made from free text: lower case, Danish letters transliterated (æ→ae, ø→oe,
  /// å→aa), accents dropped, everything else a hyphen. Nil when nothing usable remains.
  public static func make(from text: String) -> Slug? {
    var result = ""
    for character in text.lowercased() {
      switch character {
      case "æ": result += "ae"
      case "ø": result += "oe"
      case "å": result += "aa"
      case "ü": result += "ue"
      case "ß": result += "ss"
      default:
        let base = character.unicodeScalars.first.map { Character($0) } ?? character
        if base.isASCII, base.isLetter || base.isNumber {
          result.append(base)
        } else if !result.isEmpty, result.last != "-" {
          result.append("-")
        }
      }
    }
    while result.last == "-" { result.removeLast() }
    return Slug(result)
  }
}
