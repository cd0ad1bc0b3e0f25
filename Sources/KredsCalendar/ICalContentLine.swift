import Foundation

/// One content line of an iCalendar file (RFC 5545 section 3.1): a name, parameters and a value,
/// each already in its written form. `folded` gives the physical lines.
struct ICalContentLine: Equatable, Sendable {
  var name: String
  /// Names with values already made safe by `parameterValue(_:alwaysQuoted:)`.
  var parameters: [Parameter]
  /// The value as written: escaped by `text(_:)` for TEXT, cleaned by `uri(_:)` for URIs.
  var value: String

  struct Parameter: Equatable, Sendable {
    var name: String
    var value: String
  }

  init(_ name: String, parameters: [Parameter] = [], _ value: String) {
    self.name = name
    self.parameters = parameters
    self.value = value
  }

  /// The unfolded line, without a line end.
  var unfolded: String {
    var line = name
    for parameter in parameters { line += ";" + parameter.name + "=" + parameter.value }
    return line + ":" + value
  }

  /// The most octets of a physical line, not counting its CRLF (RFC 5545 section 3.1).
  static let maximumOctets = 75

  /// The line folded into physical lines of at most 75 octets, each ended by CRLF. A continuation
  /// starts with one space, which counts toward its 75.
  var folded: String { Self.fold(unfolded) }

  static func fold(_ line: String) -> String {
    var result = ""
    var octetsOnLine = 0
    for unit in foldingUnits(of: line) {
      let size = unit.utf8.count
      if octetsOnLine + size > maximumOctets, octetsOnLine > 1 {
        result += "\r\n "
        octetsOnLine = 1
      }
      result += unit
      octetsOnLine += size
    }
    return result + "\r\n"
  }

  /// The pieces a fold may not split, in order. A fold inside a UTF-8 sequence makes the line
  /// invalid for readers that decode physical lines; one inside a grapheme cluster (an emoji with
  /// skin tone, a letter with combining marks) or an escape such as `\n` is legal but trips up
  /// some clients, so those are kept whole too unless one alone is too long for a line, when
  /// it is split between its Unicode scalars.
  private static func foldingUnits(of line: String) -> [String] {
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
      if unit.utf8.count <= maximumOctets - 1 {
        units.append(unit)
      } else {
        units += unit.unicodeScalars.map { String($0) }
      }
    }
    return units
  }

  /// A TEXT value (RFC 5545 section 3.3.11): backslash, semicolon and comma escaped, every line
  /// end (LF, CR LF or CR) written `\n`, other control characters except tab left out, since
  /// TEXT cannot hold them.
  static func text(_ raw: String) -> String {
    var result = ""
    var previousWasCarriageReturn = false
    for scalar in raw.unicodeScalars {
      defer { previousWasCarriageReturn = scalar == "\r" }
      switch scalar {
      case "\\": result += "\\\\"
      case ";": result += "\\;"
      case ",": result += "\\,"
      case "\r": result += "\\n"
      case "\n":
        if !previousWasCarriageReturn { result += "\\n" }
      case "\t": result.unicodeScalars.append(scalar)
      default:
        if !isControl(scalar) { result.unicodeScalars.append(scalar) }
      }
    }
    return result
  }

  /// A URI or CAL-ADDRESS value: written as is (these types have no escapes), control characters
  /// and spaces at the ends left out so a value can never break the line.
  static func uri(_ raw: String) -> String {
    var result = ""
    result.unicodeScalars.append(contentsOf: raw.unicodeScalars.filter { !isControl($0) })
    return result.trimmingCharacters(in: .whitespaces)
  }

  /// A parameter value (RFC 5545 section 3.2): double quotes removed (a quoted value cannot
  /// hold them, and RFC 6868's `^'` is not understood everywhere), control characters left out
  /// (line ends become spaces), and quoted when it holds `:`, `;` or `,` or when `alwaysQuoted`.
  static func parameterValue(_ raw: String, alwaysQuoted: Bool = false) -> String {
    var cleaned = ""
    for scalar in raw.unicodeScalars where scalar != "\"" {
      if scalar == "\n" || scalar == "\r" || scalar == "\t" {
        cleaned += " "
      } else if !isControl(scalar) {
        cleaned.unicodeScalars.append(scalar)
      }
    }
    let needsQuotes = cleaned.contains { $0 == ":" || $0 == ";" || $0 == "," }
    return alwaysQuoted || needsQuotes ? "\"" + cleaned + "\"" : cleaned
  }

  /// CONTROL of RFC 5545: U+0000–U+001F and U+007F (tab included; callers keep it where allowed).
  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || scalar.value == 0x7F
  }
}
