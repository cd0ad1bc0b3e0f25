/// A 128-bit fingerprint of bytes: two FNV-1a-style hashes over 8-byte words, stable across runs
/// and machines. It names cache entries (``ImageStore``), where a collision would need two
/// pictures made to collide; it is not a defence against an attacker who writes the content.
enum ContentHash {
  static func of(_ bytes: [UInt8]) -> String {
    var first: UInt64 = 0xcbf2_9ce4_8422_2325
    var second: UInt64 = 0x6c62_272e_07bb_0142
    let prime: UInt64 = 0x0000_0100_0000_01b3
    bytes.withUnsafeBytes { raw in
      let words = raw.count / 8
      for index in 0..<words {
        let word = raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
        first = (first ^ word) &* prime
        second = (second ^ (word &+ 0x9e37_79b9_7f4a_7c15)) &* prime
        second ^= second >> 29
      }
      for index in (words * 8)..<raw.count {
        first = (first ^ UInt64(raw[index])) &* prime
        second = (second ^ UInt64(raw[index])) &* prime
      }
    }
    first = (first ^ UInt64(bytes.count)) &* prime
    return hex(first) + hex(second)
  }

  private static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
