/// The blocks of a GIF file (GIF89a): its metadata taken out without touching a frame.
enum GIFContainer {
  /// `bytes` without comment extensions and without application extensions other than the
  /// ones that make it loop (`NETSCAPE2.0`, `ANIMEXTS1.0`): XMP is stored as one ("XMP DataXMP").
  /// The header, colour tables, graphic controls and every frame's data are copied byte for
  /// byte. Bytes that are not a well-formed GIF are returned as they are.
  static func removingMetadata(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.count >= 13,
      bytes[0..<6].elementsEqual("GIF89a".utf8) || bytes[0..<6].elementsEqual("GIF87a".utf8)
    else { return bytes }
    var index = 13
    let packed = bytes[10]
    if packed & 0x80 != 0 { index += 3 << (Int(packed & 0x07) + 1) }
    guard index <= bytes.count else { return bytes }
    var result = Array(bytes[0..<index])
    /// The end of the data sub-blocks starting at `start`: just past their 0 terminator.
    func subBlocksEnd(from start: Int) -> Int? {
      var position = start
      while position < bytes.count {
        let size = Int(bytes[position])
        position += 1
        if size == 0 { return position }
        position += size
      }
      return nil
    }
    while index < bytes.count {
      switch bytes[index] {
      case 0x3B:  // trailer
        result.append(0x3B)
        return index + 1 == bytes.count ? result : result + bytes[(index + 1)...]
      case 0x21:  // extension: label, then sub-blocks
        guard index + 2 < bytes.count, let end = subBlocksEnd(from: index + 2) else {
          return bytes
        }
        let label = bytes[index + 1]
        var keep = label != 0xFE  // comments go
        if label == 0xFF {
          // An application extension's first sub-block is its 11-byte identifier.
          let identifier =
            index + 3 + 11 <= bytes.count
            ? String(decoding: bytes[(index + 3)..<(index + 14)], as: UTF8.self) : ""
          keep = identifier == "NETSCAPE2.0" || identifier == "ANIMEXTS1.0"
        }
        if keep { result += bytes[index..<end] }
        index = end
      case 0x2C:  // image: descriptor, local colour table, LZW code size, data sub-blocks
        guard index + 10 < bytes.count else { return bytes }
        var start = index + 10
        let local = bytes[index + 9]
        if local & 0x80 != 0 { start += 3 << (Int(local & 0x07) + 1) }
        guard start < bytes.count, let end = subBlocksEnd(from: start + 1) else { return bytes }
        result += bytes[index..<end]
        index = end
      default:
        return bytes
      }
    }
    return bytes
  }
}
