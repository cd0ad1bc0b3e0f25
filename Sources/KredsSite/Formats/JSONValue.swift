/// A JSON value of strings, numbers, booleans, null, objects and arrays, written as text byte for byte as Foundation's
/// `JSONSerialization` writes it with `[.sortedKeys, .withoutEscapingSlashes]`: the pages' JSON-LD
/// must not change, but `JSONSerialization` spends most of its time casting and sorting
/// `AnyHashable`s, and that was a twelfth of a whole build.
public enum JSONValue: Sendable, Equatable {
  case string(String)
  /// A whole number, in decimal (counts, lines and columns).
  case number(Int)
  /// Written with its keys in order of their UTF-8 bytes. For keys that start alike and first
  /// differ in punctuation, digits of equal length or same-case letters, as schema.org's
  /// camelCase keys all do, that is `JSONSerialization`'s case-insensitive, numeric order.
  case object([String: JSONValue])
  case array([JSONValue])
  case bool(Bool)
  /// JSON's `null` (the search index's missing dates and statuses).
  case null

  /// The compact JSON text: no spaces, no line ends.
  public var text: String {
    var bytes: [UInt8] = []
    write(into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  func write(into bytes: inout [UInt8]) {
    switch self {
    case .string(let string):
      Self.write(string: string, into: &bytes)
    case .object(let members):
      bytes.append(UInt8(ascii: "{"))
      for (index, key) in members.keys.sorted(by: Self.utf8Order).enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        Self.write(string: key, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        members[key]?.write(into: &bytes)
      }
      bytes.append(UInt8(ascii: "}"))
    case .bool(let value):
      bytes += (value ? "true" : "false").utf8
    case .null:
      bytes += "null".utf8
    case .number(let value):
      bytes += String(value).utf8
    case .array(let elements):
      bytes.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        element.write(into: &bytes)
      }
      bytes.append(UInt8(ascii: "]"))
    }
  }

  /// A JSON string as `JSONSerialization` writes one: `"` and `\` escaped, backspace, tab, line
  /// feed, form feed and carriage return as their short escapes, the other control characters
  /// below U+0020 as `\u00XX` with lowercase hex; everything else, `/`, U+007F and all
  /// non-ASCII characters included, as is.
  static func write(string: String, into bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    for byte in string.utf8 {
      let short: UInt8
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): short = byte
      case 0x08: short = UInt8(ascii: "b")
      case 0x09: short = UInt8(ascii: "t")
      case 0x0A: short = UInt8(ascii: "n")
      case 0x0C: short = UInt8(ascii: "f")
      case 0x0D: short = UInt8(ascii: "r")
      case 0x00..<0x20:
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "u"))
        bytes.append(UInt8(ascii: "0"))
        bytes.append(UInt8(ascii: "0"))
        bytes.append(hexDigits[Int(byte >> 4)])
        bytes.append(hexDigits[Int(byte & 0xF)])
        continue
      default:
        bytes.append(byte)
        continue
      }
      bytes.append(UInt8(ascii: "\\"))
      bytes.append(short)
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  private static func utf8Order(_ left: String, _ right: String) -> Bool {
    left.utf8.lexicographicallyPrecedes(right.utf8)
  }
}
