import Foundation

/// Escaping for HTML text and attribute values: the one escaper of Kreds, used for `{{values}}`
/// in templates too (``Theme`` gives it to the template library).
public enum HTMLText {
  /// Works on UTF-8 bytes, not characters: a quote followed by a combining mark is one
  /// `Character` that equals no quote, yet the HTML parser still ends the attribute at the quote.
  /// Bytes are also the fast way: a large build escapes a few hundred megabytes.
  public static func escape(_ text: String) -> String {
    let bytes = text.utf8
    guard
      bytes.contains(where: {
        $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&")
          || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
      })
    else { return text }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + 16)
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
      case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
      case UInt8(ascii: "'"): result.append(contentsOf: "&#39;".utf8)
      default: result.append(byte)
      }
    }
    return String(decoding: result, as: UTF8.self)
  }
}
