import Foundation

/// The part of an event file that calendar apps must hear about when it changes: its time,
/// place, online address and status (RFC 5545's SEQUENCE). Edits to anything else (the text, the
/// title, the speakers) leave it as it was.
enum EventTimeAndPlace {
  static let keys: Set<String> = [
    "start", "end", "timezone", "repeat", "location", "online", "status",
  ]

  /// The front matter lines of those keys, trimmed, comments and blank lines left out, in key
  /// order. Works on bytes and stops at the end of the front matter: history reads thousands of
  /// versions of event files.
  static func fingerprint(of data: Data) -> [UInt8] {
    data.withUnsafeBytes { fingerprint(of: $0.bindMemory(to: UInt8.self)) }
  }

  static func fingerprint(of bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var blocks: [String: [UInt8]] = [:]
    var current: String?
    var lineStart = 0
    var lineNumber = 0
    while lineStart < bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
      let line = trimmed(bytes, lineStart, lineEnd)
      defer {
        lineStart = lineEnd + 1
        lineNumber += 1
      }
      if lineNumber == 0 {
        guard line.elementsEqual("---".utf8) else { return [] }
        continue
      }
      if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) { break }
      if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
      let first = bytes[lineStart]
      if first != UInt8(ascii: " "), first != UInt8(ascii: "\t"), first != UInt8(ascii: "-"),
        let colon = line.firstIndex(of: UInt8(ascii: ":"))
      {
        let key = String(decoding: line[..<colon], as: UTF8.self)
          .trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
        current = keys.contains(key) ? key : nil
      }
      if let current {
        blocks[current, default: []].append(contentsOf: line)
        blocks[current, default: []].append(0x0A)
      }
    }
    var result: [UInt8] = []
    for key in blocks.keys.sorted() {
      result.append(contentsOf: key.utf8)
      result.append(0)
      result.append(contentsOf: blocks[key] ?? [])
    }
    return result
  }

  /// The bytes from `start` to `end` without spaces, tabs and carriage returns at either end.
  private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    -> Slice<UnsafeBufferPointer<UInt8>>
  {
    var from = start
    var to = end
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
    while from < to, isSpace(bytes[from]) { from += 1 }
    while to > from, isSpace(bytes[to - 1]) { to -= 1 }
    return bytes[from..<to]
  }
}
