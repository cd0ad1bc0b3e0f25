/// Characters no content file may hold, in its text or in a YAML escape (docs/RELIABILITY.md,
/// "Hostile input: escaping"): they are invisible, no output can show them faithfully, and some
/// are used to deceive readers. They are refused with a diagnostic rather than dropped, so what an
/// editor sees in the file is what every output shows.
///
/// - control characters (C0 but tab and line feed, DEL, C1): HTML and XML cannot hold most of
///   them, iCal TEXT cannot hold any, and a carriage return in a value ends an iCal line or a mail
///   header (a line break is written `\n` in a quoted YAML value, or as a new line in the file);
/// - the explicit direction embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069):
///   they show text in another order than it is stored (the "Trojan Source" trick), and
///   right-to-left words display correctly without them;
/// - Unicode noncharacters (U+FFFE, U+FFFF, …), which XML 1.0 cannot hold.
package enum ForbiddenCharacters {
  /// What is wrong with `scalar` ("the control character U+001B (ESCAPE)") and how to fix it
  /// ("remove it"), or nil when content may hold it. `allowCarriageReturn` is for the raw file,
  /// where CR ends a line.
  package static func problem(_ scalar: Unicode.Scalar, allowCarriageReturn: Bool = false) -> (
    what: String, fix: String
  )? {
    let value = scalar.value
    switch value {
    // Printable ASCII and most letters first: every scalar of every file passes here.
    case 0x20..<0x7F, 0xA0..<0x202A: return nil
    case 0x09, 0x0A: return nil
    case 0x0D:
      return allowCarriageReturn
        ? nil
        : (
          "a carriage return (U+000D)", "remove it, or write \\n in a quoted value for a line break"
        )
    case 0x00..<0x20, 0x7F, 0x80...0x9F:
      let name = controlNames[value].map { " (\($0))" } ?? ""
      return ("the control character \(code(scalar))\(name)", "remove it")
    case 0x202A...0x202E, 0x2066...0x2069:
      let name = scalar.properties.name ?? "DIRECTION CONTROL"
      return (
        "the invisible direction control \(code(scalar)) (\(name)), which shows text in another order than it is written",
        "remove it (right-to-left words show correctly without it)"
      )
    // Unicode's noncharacters, by arithmetic: the property lookup cost 3 % of a large build.
    case 0xFDD0...0xFDEF,
      _ where value & 0xFFFE == 0xFFFE:
      return (
        "the noncharacter \(code(scalar)), which web pages and feeds cannot hold", "remove it"
      )
    default:
      return nil
    }
  }

  /// The first problem in `text`, if any, as "contains …; remove it".
  package static func firstProblem(in text: String) -> String? {
    for scalar in text.unicodeScalars {
      if let problem = problem(scalar) { return "contains \(problem.what); \(problem.fix)" }
    }
    return nil
  }

  /// `U+001B`.
  package static func code(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  private static let controlNames: [UInt32: String] = [
    0x00: "NUL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0B: "VERTICAL TAB", 0x0C: "FORM FEED",
    0x1B: "ESCAPE", 0x7F: "DELETE", 0x85: "NEXT LINE",
  ]
}
