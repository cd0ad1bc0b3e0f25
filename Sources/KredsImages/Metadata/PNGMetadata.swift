/// A PNG file's chunks (PNG 3rd edition, with EXIF in `eXIf`): metadata chunks edited or left
/// out, every other chunk, `IDAT` above all, copied byte for byte.
enum PNGMetadata {
  static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
  private static let xmpKeyword = Array("XML:com.adobe.xmp\0".utf8)

  static func removing(
    _ removal: MetadataRemoval, from bytes: [UInt8]
  ) throws(MetadataRemovalError) -> [UInt8] {
    var result = signature
    var index = signature.count
    var ended = false
    while index < bytes.count, !ended {
      guard index + 12 <= bytes.count else { throw .damaged("a chunk is cut short") }
      let length =
        Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8
        | Int(bytes[index + 3])
      let end = index + 12 + length
      guard end <= bytes.count else { throw .damaged("a chunk is cut short") }
      let type = String(decoding: bytes[index + 4..<index + 8], as: UTF8.self)
      let data = Array(bytes[index + 8..<index + 8 + length])
      let storedCRC = Array(bytes[end - 4..<end])
      guard CRC32.bigEndian(of: bytes[index + 4..<index + 8 + length]) == storedCRC else {
        throw .damaged("the checksum of its \(type) chunk is wrong")
      }
      ended = type == "IEND"
      switch try replacing(type: type, data: data, removal) {
      case .none: result += bytes[index..<end]
      case .some(.none): break
      case .some(.some(let replacement)): result += chunk(type, replacement)
      }
      index = end
    }
    guard ended else { throw .damaged("it has no IEND chunk") }
    return result
  }

  private static func replacing(
    type: String, data: [UInt8], _ removal: MetadataRemoval
  ) throws(MetadataRemovalError) -> [UInt8]?? {
    switch (type, removal) {
    case ("eXIf", .location):
      let edited = try TIFFMetadata.removingLocation(data)
      return edited == data ? nil : .some(edited)
    case ("eXIf", .all):
      return .some(try TIFFMetadata.orientationOnly(data))
    case ("iTXt", .location) where data.starts(with: xmpKeyword):
      // Keyword, compression flag and method, language and translated keyword, then the text.
      let header = xmpKeyword.count + 2
      guard data.count > header else { throw .damaged("its XMP chunk is cut short") }
      if data[xmpKeyword.count] != 0 {
        // Compressed XMP cannot be read without zlib: it goes whole rather than stay unknown.
        return .some(nil)
      }
      var position = header
      for _ in 0..<2 {
        guard let zero = data[position...].firstIndex(of: 0) else {
          throw .damaged("its XMP chunk is cut short")
        }
        position = zero + 1
      }
      let packet = Array(data[position...])
      let edited = try XMPMetadata.removingLocation(packet)
      return edited == packet ? nil : .some(Array(data[..<position]) + edited)
    case ("tEXt", .location), ("zTXt", .location):
      // ImageMagick's "Raw profile type exif/xmp" copies, written as hex text.
      let keyword = String(decoding: data.prefix(while: { $0 != 0 }), as: UTF8.self)
      return keyword.lowercased().hasPrefix("raw profile type") ? .some(nil) : nil
    case ("eXIf", _), ("iTXt", .all), ("tEXt", .all), ("zTXt", .all), ("tIME", .all):
      return .some(nil)
    default:
      return nil
    }
  }

  private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let length = UInt32(data.count)
    let body = Array(type.utf8) + data
    return [
      UInt8(length >> 24), UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff),
      UInt8(length & 0xff),
    ] + body + CRC32.bigEndian(of: body[...])
  }
}

/// The CRC-32 of PNG chunks (ISO 3309, as zlib's crc32).
enum CRC32 {
  private static let table: [UInt32] = (0..<256).map { (byte: Int) -> UInt32 in
    var value = UInt32(byte)
    for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
    return value
  }

  static func bigEndian(of bytes: ArraySlice<UInt8>) -> [UInt8] {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
    crc ^= 0xFFFF_FFFF
    return [UInt8(crc >> 24), UInt8(crc >> 16 & 0xff), UInt8(crc >> 8 & 0xff), UInt8(crc & 0xff)]
  }
}
