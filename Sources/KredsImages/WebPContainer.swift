/// The RIFF container of a WebP file (Google's "WebP Container Specification").
enum WebPContainer {
  /// `bytes` without the `EXIF`, `XMP ` and `ICCP` chunks, and with the extended header's
  /// flags for them cleared. libvips 8.14's WebP saver writes EXIF and XMP chunks even when
  /// asked to strip; the image itself is sRGB, for which no profile is needed. Bytes that are
  /// not a well-formed container are returned as they are.
  static func removingMetadata(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8),
      bytes[8..<12].elementsEqual("WEBP".utf8)
    else { return bytes }
    var chunks: [UInt8] = []
    var index = 12
    while index + 8 <= bytes.count {
      let fourCC = String(decoding: bytes[index..<index + 4], as: UTF8.self)
      let size =
        Int(bytes[index + 4]) | Int(bytes[index + 5]) << 8 | Int(bytes[index + 6]) << 16
        | Int(bytes[index + 7]) << 24
      let end = index + 8 + size + (size & 1)
      guard end <= bytes.count || (size & 1 == 1 && end - 1 == bytes.count) else { return bytes }
      var chunk = Array(bytes[index..<min(end, bytes.count)])
      index = end
      switch fourCC {
      case "EXIF", "XMP ", "ICCP": continue
      case "VP8X" where chunk.count > 8:
        // Flags: ICC profile 0x20, EXIF 0x08, XMP 0x04.
        chunk[8] &= ~UInt8(0x20 | 0x08 | 0x04)
      default: break
      }
      chunks += chunk
    }
    guard index == bytes.count || index == bytes.count + 1 else { return bytes }
    let size = UInt32(4 + chunks.count)
    return Array("RIFF".utf8)
      + [UInt8(size & 0xff), UInt8(size >> 8 & 0xff), UInt8(size >> 16 & 0xff), UInt8(size >> 24)]
      + Array("WEBP".utf8) + chunks
  }
}
