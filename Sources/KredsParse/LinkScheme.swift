import Foundation
import KredsCalendar

/// Reading link destinations.
package enum LinkScheme {
  /// Schemes that run code or smuggle a document in, never allowed where a link is written.
  package static let forbidden: Set<String> = ["javascript", "vbscript", "data", "file"]

  /// `text` as a browser reads it before it looks for the scheme (the WHATWG URL parser): tabs
  /// and line breaks removed anywhere, spaces and control characters at the ends.
  package static func asBrowsersRead(_ text: String) -> String {
    // Most destinations have nothing to remove, and building a new string costs more than looking.
    if let first = text.utf8.first, first > 0x20, let last = text.utf8.last, last > 0x20,
      !text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
    {
      return text
    }
    var result = ""
    result.unicodeScalars.append(
      contentsOf: text.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
    return result.trimmingCharacters(in: CharacterSet(charactersIn: "\u{0}"..."\u{20}"))
  }

  /// The lower-cased scheme of an absolute URL (`https`, `mailto`), or nil for a path, read as a
  /// browser reads it, so `java&#9;script:` or ` javascript:` is a `javascript` link.
  ///
  /// Read as bytes, as the URL parser reads code points: a colon followed by a combining mark is
  /// still the end of the scheme, where a `Character` would join the two.
  package static func of(_ written: String) -> String? {
    let destination = asBrowsersRead(written).utf8
    guard let colon = destination.firstIndex(of: UInt8(ascii: ":")) else { return nil }
    let scheme = destination[..<colon]
    func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    guard let first = scheme.first, isLetter(first),
      scheme.allSatisfy({
        isLetter($0) || (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E
      })
    else { return nil }
    return String(decoding: scheme.map { isLetter($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  /// A path written in `file`'s body, as a path relative to the content folder: `/x` from the
  /// content root, anything else from the file's folder. Nil when it leaves the content folder.
  package static func normalise(_ path: String, relativeTo file: String) -> String? {
    var segments: [Substring] = path.hasPrefix("/") ? [] : file.split(separator: "/").dropLast()
    for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch segment {
      case ".": continue
      case "..":
        if segments.isEmpty { return nil }
        segments.removeLast()
      default: segments.append(segment)
      }
    }
    return segments.joined(separator: "/")
  }
}
