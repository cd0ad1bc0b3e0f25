/// Escaping for XML text and attribute values; drops characters XML 1.0 cannot hold.
package enum XMLText {
  /// Works on UTF-8 bytes and returns the text untouched when nothing needs escaping or
  /// dropping: feeds and the sitemap escape every title, summary and address of the site.
  package static func escape(_ text: String) -> String {
    let bytes = Array(text.utf8)
    guard let first = bytes.indices.first(where: { needsAttention(bytes, at: $0) }) else {
      return text
    }
    var result = Array(bytes[..<first])
    result.reserveCapacity(bytes.count + 16)
    var index = first
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "&"): result += Array("&amp;".utf8)
      case UInt8(ascii: "<"): result += Array("&lt;".utf8)
      case UInt8(ascii: ">"): result += Array("&gt;".utf8)
      case UInt8(ascii: "\""): result += Array("&quot;".utf8)
      case UInt8(ascii: "'"): result += Array("&apos;".utf8)
      case 0x09, 0x0A, 0x0D: result.append(byte)
      // XML 1.0 allows no other C0 controls.
      case ..<0x20: break
      default:
        // Nor U+FFFE and U+FFFF (EF BF BE, EF BF BF).
        if isNoncharacterFFFx(bytes, at: index) {
          index += 3
          continue
        }
        result.append(byte)
      }
      index += 1
    }
    return String(decoding: result, as: UTF8.self)
  }

  private static func needsAttention(_ bytes: [UInt8], at index: Int) -> Bool {
    switch bytes[index] {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""),
      UInt8(ascii: "'"):
      return true
    case 0x09, 0x0A, 0x0D: return false
    case ..<0x20: return true
    case 0xEF: return isNoncharacterFFFx(bytes, at: index)
    default: return false
    }
  }

  private static func isNoncharacterFFFx(_ bytes: [UInt8], at index: Int) -> Bool {
    index + 2 < bytes.count && bytes[index] == 0xEF && bytes[index + 1] == 0xBF
      && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF)
  }
}
