import Foundation

extension EmailMessage {
  /// 64-bit FNV-1a: stable across runs and platforms (unlike `Hasher`, which is seeded per
  /// process) and needs no CryptoKit, which Linux lacks. Only uniqueness matters here, not
  /// resistance to attack.
  static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }

  /// 16 lower-case hex digits.
  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
