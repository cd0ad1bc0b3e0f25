import Foundation

/// Checks of single values that several content kinds share.
package enum Validation {
  package static let knownTimeZones: Set<String> = Set(TimeZone.knownTimeZoneIdentifiers)

  /// One `@`, something before it, and a domain with a dot; no spaces, and none of the
  /// characters that delimit an address in a mail header or an iCal line (`<>()[]\,;:"`), so an
  /// address can never add a mailbox, a header or a parameter of its own. Scalars, not
  /// characters, are compared: a quote followed by a combining mark is still a quote.
  package static func isEmail(_ text: String) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty,
      !text.unicodeScalars.contains(where: {
        $0.properties.isWhitespace || "<>()[]\\,;:\"".unicodeScalars.contains($0)
      })
    else {
      return false
    }
    let domain = parts[1]
    guard let dot = domain.lastIndex(of: "."), dot != domain.startIndex,
      domain.index(after: dot) != domain.endIndex, !domain.hasPrefix("."), !domain.contains("..")
    else { return false }
    return true
  }

  /// An absolute `http` or `https` URL with a host.
  package static func isWebURL(_ text: String) -> Bool {
    guard !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }),
      let components = URLComponents(string: text),
      let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
      let host = components.host, !host.isEmpty
    else { return false }
    return true
  }

  /// Why a front-matter media path is not acceptable, or nil when it is.
  package static func mediaPathProblem(_ path: String) -> String? {
    if path.hasPrefix("/") || path.hasPrefix("~") || path.contains("\\") {
      return
        "must be a path relative to the content folder, like media/program.pdf, found '\(path)'"
    }
    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
    if segments.first != "media" || segments.count < 2 {
      return
        "must point at a file in the media folder, like media/\(segments.last ?? "file.pdf"), found '\(path)'"
    }
    if segments.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) {
      return "must not contain '..', '.' or empty parts, found '\(path)'"
    }
    return nil
  }
}
