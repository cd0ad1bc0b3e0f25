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

  /// `folded`, appended to `output`.
  func fold(into output: inout [UInt8]) {
    var length = name.utf8.count + 1 + value.utf8.count
    for parameter in parameters {
      length += 2 + parameter.name.utf8.count + parameter.value.utf8.count
    }
    guard length <= Self.maximumOctets else { return Self.fold(unfolded, into: &output) }
    // Most lines fit: their parts go out as they are, without building the line first.
    output += name.utf8
    for parameter in parameters {
      output.append(UInt8(ascii: ";"))
      output += parameter.name.utf8
      output.append(UInt8(ascii: "="))
      output += parameter.value.utf8
    }
    output.append(UInt8(ascii: ":"))
    output += value.utf8
    output.append(0x0D)
    output.append(0x0A)
  }

  static func fold(_ line: String) -> String {
    var bytes: [UInt8] = []
    fold(line, into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `fold(_:)`, appended to `output`. Folds fall only between the pieces a fold may not split:
  /// a fold inside a UTF-8 sequence makes the line invalid for readers that decode physical
  /// lines; one inside a grapheme cluster (an emoji with skin tone, a letter with combining
  /// marks) or an escape such as `\n` is legal but trips up some clients, so those are kept
  /// whole too unless one alone is too long for a line, when it is split between its Unicode
  /// scalars.
  static func fold(_ line: String, into output: inout [UInt8]) {
    // Most lines fit: nothing to fold.
    guard line.utf8.count > maximumOctets else {
      output += line.utf8
      output.append(0x0D)
      output.append(0x0A)
      return
    }
    let bytes = Array(line.utf8)
    var octetsOnLine = 0
    /// Puts the piece `range` of `bytes` on the line, or on a new one when it does not fit.
    func place(_ range: Range<Int>) {
      if octetsOnLine + range.count > maximumOctets, octetsOnLine > 1 {
        output.append(0x0D)
        output.append(0x0A)
        output.append(0x20)
        octetsOnLine = 1
      }
      output += bytes[range]
      octetsOnLine += range.count
    }
    /// A piece, or its scalars when it is too long for a line of its own.
    func placeWhole(_ range: Range<Int>) {
      guard range.count > maximumOctets - 1 else { return place(range) }
      var start = range.lowerBound
      while start < range.upperBound {
        let end = min(start + scalarLength(leadingByte: bytes[start]), range.upperBound)
        place(start..<end)
        start = end
      }
    }
    let backslash = UInt8(ascii: "\\")
    if bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
      // ASCII without CR (which would pair with a LF): every byte is a grapheme cluster.
      var start = 0
      while start < bytes.count {
        let end = bytes[start] == backslash ? min(start + 2, bytes.count) : start + 1
        placeWhole(start..<end)
        start = end
      }
    } else {
      var offset = 0
      // Where a backslash waits to be kept with the character after it.
      var backslashOffset: Int?
      for character in line {
        let start = offset
        offset += character.utf8.count
        if let pending = backslashOffset {
          backslashOffset = nil
          placeWhole(pending..<offset)
        } else if character == "\\" {
          backslashOffset = start
        } else {
          placeWhole(start..<offset)
        }
      }
      if let pending = backslashOffset { placeWhole(pending..<offset) }
    }
    output.append(0x0D)
    output.append(0x0A)
  }

  /// The length of the UTF-8 sequence that starts with `byte`.
  private static func scalarLength(leadingByte byte: UInt8) -> Int {
    switch byte {
    case 0xF0...: return 4
    case 0xE0...: return 3
    case 0xC0...: return 2
    default: return 1
    }
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
