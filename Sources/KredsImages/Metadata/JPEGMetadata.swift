/// A JPEG file's segments (ITU T.81, with EXIF in APP1): metadata segments edited or left out,
/// everything else, and everything from the first scan on, copied byte for byte.
enum JPEGMetadata {
  private static let exif = Array("Exif\0\0".utf8)
  private static let xmp = Array("http://ns.adobe.com/xap/1.0/\0".utf8)
  private static let extendedXMP = Array("http://ns.adobe.com/xmp/extension/\0".utf8)
  private static let iccProfile = Array("ICC_PROFILE\0".utf8)
  private static let adobe = Array("Adobe".utf8)
  private static let multiPicture = Array("MPF\0".utf8)

  static func removing(
    _ removal: MetadataRemoval, from bytes: [UInt8]
  ) throws(MetadataRemovalError) -> [UInt8] {
    var result: [UInt8] = [0xFF, 0xD8]
    var index = 2
    while true {
      guard index < bytes.count, bytes[index] == 0xFF else {
        throw .damaged("a segment does not start where the one before it ends")
      }
      var markerIndex = index + 1
      while markerIndex < bytes.count, bytes[markerIndex] == 0xFF { markerIndex += 1 }
      guard markerIndex < bytes.count else { throw .damaged("it ends before its image data") }
      let marker = bytes[markerIndex]
      if marker == 0xD9 { throw .damaged("it ends before its image data") }
      if marker == 0x01 || (0xD0...0xD7).contains(marker) {
        result += bytes[index...markerIndex]
        index = markerIndex + 1
        continue
      }
      guard markerIndex + 2 < bytes.count else { throw .damaged("a segment is cut short") }
      let length = Int(bytes[markerIndex + 1]) << 8 | Int(bytes[markerIndex + 2])
      let end = markerIndex + 1 + length
      guard length >= 2, end <= bytes.count else { throw .damaged("a segment is cut short") }
      if marker == 0xDA {
        // The first scan: from here on the compressed image data, copied as it is.
        result += bytes[index...]
        return result
      }
      let payload = Array(bytes[markerIndex + 3..<end])
      switch try replacing(marker: marker, payload: payload, removal) {
      case .none:
        result += bytes[index..<end]
      case .some(.none):
        break
      case .some(.some(let replacement)):
        // Never longer than the segment it replaces, so its length always fits.
        let size = replacement.count + 2
        result += [0xFF, marker, UInt8(size >> 8), UInt8(size & 0xff)] + replacement
      }
      index = end
    }
  }

  /// What becomes of one segment: nil to keep it as it is, `.some(nil)` to leave it out, or
  /// its new payload.
  private static func replacing(
    marker: UInt8, payload: [UInt8], _ removal: MetadataRemoval
  ) throws(MetadataRemovalError) -> [UInt8]?? {
    switch marker {
    case 0xE1 where payload.starts(with: exif):
      let tiff = Array(payload.dropFirst(exif.count))
      switch removal {
      case .location:
        let edited = try TIFFMetadata.removingLocation(tiff)
        return edited == tiff ? nil : .some(exif + edited)
      case .all:
        return .some(try TIFFMetadata.orientationOnly(tiff).map { exif + $0 })
      }
    case 0xE1 where payload.starts(with: xmp):
      guard removal == .location else { return .some(nil) }
      let packet = Array(payload.dropFirst(xmp.count))
      let edited = try XMPMetadata.removingLocation(packet)
      return edited == packet ? nil : .some(xmp + edited)
    case 0xE1 where payload.starts(with: extendedXMP):
      return removal == .all || XMPMetadata.hasLocation(payload) ? .some(nil) : nil
    case 0xE2 where payload.starts(with: iccProfile) || payload.starts(with: multiPicture),
      0xEE where payload.starts(with: adobe),
      0xE0:
      return nil  // colour, structure, JFIF: never metadata to remove
    case 0xE1...0xEF, 0xFE:
      return removal == .all ? .some(nil) : nil  // other APPn (IPTC in APP13), comments
    default:
      return nil
    }
  }
}
