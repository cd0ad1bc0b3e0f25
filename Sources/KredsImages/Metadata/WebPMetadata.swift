/// A WebP file's RIFF chunks (WebP Container Specification): `EXIF` and `XMP ` edited or left
/// out, the extended header's flags kept true, every other chunk (the image data, the colour
/// profile, the animation frames) copied byte for byte.
enum WebPMetadata {
  private static let exifPrefix = Array("Exif\0\0".utf8)

  static func removing(
    _ removal: MetadataRemoval, from bytes: [UInt8]
  ) throws(MetadataRemovalError) -> [UInt8] {
    let declared =
      Int(bytes[4]) | Int(bytes[5]) << 8 | Int(bytes[6]) << 16 | Int(bytes[7]) << 24
    guard declared + 8 <= bytes.count, declared >= 4 else {
      throw .damaged("its RIFF size is larger than the file")
    }
    var chunks: [(fourCC: String, data: [UInt8])] = []
    var changed = false
    var index = 12
    while index < declared + 8 {
      guard index + 8 <= bytes.count else { throw .damaged("a chunk is cut short") }
      let fourCC = String(decoding: bytes[index..<index + 4], as: UTF8.self)
      let size =
        Int(bytes[index + 4]) | Int(bytes[index + 5]) << 8 | Int(bytes[index + 6]) << 16
        | Int(bytes[index + 7]) << 24
      guard index + 8 + size <= bytes.count else {
        throw .damaged("its \(fourCC) chunk is cut short")
      }
      let data = Array(bytes[index + 8..<index + 8 + size])
      index += 8 + size + (size & 1)
      switch (fourCC, removal) {
      case ("EXIF", .location):
        let prefix = data.starts(with: exifPrefix) ? exifPrefix : []
        let tiff = Array(data.dropFirst(prefix.count))
        let edited = try TIFFMetadata.removingLocation(tiff)
        changed = changed || edited != tiff
        chunks.append((fourCC, prefix + edited))
      case ("EXIF", .all):
        let prefix = data.starts(with: exifPrefix) ? exifPrefix : []
        changed = true
        if let kept = try TIFFMetadata.orientationOnly(Array(data.dropFirst(prefix.count))) {
          chunks.append((fourCC, prefix + kept))
        }
      case ("XMP ", .location):
        let edited = try XMPMetadata.removingLocation(data)
        changed = changed || edited != data
        chunks.append((fourCC, edited))
      case ("XMP ", .all):
        changed = true
      default:
        chunks.append((fourCC, data))
      }
    }
    guard changed else { return bytes }
    // The extended header says which metadata chunks follow: EXIF 0x08, XMP 0x04.
    let hasEXIF = chunks.contains { $0.fourCC == "EXIF" }
    let hasXMP = chunks.contains { $0.fourCC == "XMP " }
    var body: [UInt8] = Array("WEBP".utf8)
    for (fourCC, var data) in chunks {
      if fourCC == "VP8X", !data.isEmpty {
        data[0] = data[0] & ~UInt8(0x08 | 0x04) | (hasEXIF ? 0x08 : 0) | (hasXMP ? 0x04 : 0)
      }
      body += Array(fourCC.utf8) + littleEndian(UInt32(data.count)) + data
      if data.count & 1 == 1 { body.append(0) }
    }
    return Array("RIFF".utf8) + littleEndian(UInt32(body.count)) + body
      + bytes[min(declared + 8, bytes.count)...]
  }

  private static func littleEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value & 0xff), UInt8(value >> 8 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 24)]
  }
}
