import Foundation

/// Query strings that survive every server's decoding: everything but RFC 3986's unreserved
/// characters is percent-encoded (Foundation leaves `+` as it is, which Google reads as a space).
package enum URLQuery {
  package static func encode(_ value: String) -> String {
    let hex = Array("0123456789ABCDEF".utf8)
    var result: [UInt8] = []
    result.reserveCapacity(value.utf8.count * 3)
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"):
        result.append(byte)
      default:
        result += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
      }
    }
    return String(decoding: result, as: UTF8.self)
  }

  package static func make(_ base: String, _ items: [(String, String)]) -> String {
    base + "?" + items.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
  }
}
