/// The TIFF structure that EXIF is stored in (JPEG's APP1, PNG's `eXIf`, WebP's `EXIF`),
/// edited in place: the GPS directory is emptied without moving any other byte.
enum TIFFMetadata {
  /// Tag of IFD0's pointer to the GPS directory.
  static let gpsPointerTag: UInt16 = 0x8825
  static let orientationTag: UInt16 = 0x0112

  /// `tiff` without its GPS position, the same length: the GPS directory's entry in IFD0 is
  /// removed (the entries after it move up, the freed 12 octets are zeros) and the directory
  /// and every value it points to are overwritten with zeros. Offsets elsewhere stay valid, as
  /// nothing else moves. Returns `tiff` unchanged when there is no GPS directory.
  static func removingLocation(_ tiff: [UInt8]) throws(MetadataRemovalError) -> [UInt8] {
    let reader = try Reader(tiff)
    let ifd0 = try reader.offset(at: 4)
    let count = try reader.u16(at: ifd0)
    var found: Int?
    for index in 0..<count where try reader.u16(at: ifd0 + 2 + index * 12) == gpsPointerTag {
      found = index
      break
    }
    guard let gpsIndex = found else { return tiff }
    guard ifd0 + 2 + count * 12 + 4 <= tiff.count else {
      throw .damaged("its first EXIF directory runs past the EXIF data")
    }
    let gps = try reader.u32(at: ifd0 + 2 + gpsIndex * 12 + 8)
    var edited = tiff
    // The GPS directory's values, then the directory itself.
    if gps > 0, gps + 2 <= tiff.count {
      let entries = try reader.u16(at: gps)
      let end = gps + 2 + entries * 12 + 4
      guard end <= tiff.count else { throw .damaged("its GPS directory runs past the EXIF data") }
      for index in 0..<entries {
        let entry = gps + 2 + index * 12
        let size = try reader.valueSize(at: entry)
        if size > 4 {
          let start = try reader.u32(at: entry + 8)
          guard start + size <= tiff.count, start >= 8 else {
            throw .damaged("a GPS value lies outside the EXIF data")
          }
          edited.replaceSubrange(start..<start + size, with: repeatElement(0, count: size))
        }
      }
      edited.replaceSubrange(gps..<end, with: repeatElement(0, count: end - gps))
    }
    // IFD0 without the pointer: later entries and the next-directory offset move up 12.
    let entryStart = ifd0 + 2 + gpsIndex * 12
    let directoryEnd = ifd0 + 2 + count * 12 + 4
    let following = Array(tiff[entryStart + 12..<directoryEnd])
    edited.replaceSubrange(entryStart..<entryStart + following.count, with: following)
    edited.replaceSubrange(directoryEnd - 12..<directoryEnd, with: repeatElement(0, count: 12))
    reader.write(UInt16(count - 1), at: ifd0, into: &edited)
    return edited
  }

  /// The orientation (1–8) IFD0 records, or nil.
  static func orientation(of tiff: [UInt8]) throws(MetadataRemovalError) -> UInt16? {
    let reader = try Reader(tiff)
    let ifd0 = try reader.offset(at: 4)
    for index in 0..<(try reader.u16(at: ifd0)) {
      let entry = ifd0 + 2 + index * 12
      if try reader.u16(at: entry) == orientationTag {
        let value = try reader.u16(at: entry + 8)
        return (1...8).contains(value) ? UInt16(value) : nil
      }
    }
    return nil
  }

  /// A TIFF of one entry, the orientation, in `tiff`'s byte order: what "all metadata" keeps,
  /// so that a photo taken sideways is still shown upright. Nil when the orientation is normal
  /// (1) or not recorded: then no EXIF is needed at all.
  static func orientationOnly(_ tiff: [UInt8]) throws(MetadataRemovalError) -> [UInt8]? {
    guard let orientation = try orientation(of: tiff), orientation != 1 else { return nil }
    let reader = try Reader(tiff)
    var result = Array(tiff[0..<4]) + [0, 0, 0, 8] + [0, 0] + Array(repeating: 0, count: 12 + 4)
    reader.write(UInt32(8), at: 4, into: &result)
    reader.write(UInt16(1), at: 8, into: &result)
    reader.write(orientationTag, at: 10, into: &result)
    reader.write(UInt16(3), at: 12, into: &result)  // SHORT
    reader.write(UInt32(1), at: 14, into: &result)
    reader.write(orientation, at: 18, into: &result)
    return result
  }

  /// Bounds-checked reads in the TIFF's byte order.
  struct Reader {
    let bytes: [UInt8]
    let littleEndian: Bool

    init(_ bytes: [UInt8]) throws(MetadataRemovalError) {
      guard bytes.count >= 8 else { throw .damaged("its EXIF data is cut short") }
      if bytes[0] == 0x49, bytes[1] == 0x49, bytes[2] == 42, bytes[3] == 0 {
        littleEndian = true
      } else if bytes[0] == 0x4D, bytes[1] == 0x4D, bytes[2] == 0, bytes[3] == 42 {
        littleEndian = false
      } else {
        throw .damaged("its EXIF data does not start with a TIFF header")
      }
      self.bytes = bytes
    }

    func u16(at offset: Int) throws(MetadataRemovalError) -> Int {
      guard offset >= 0, offset + 2 <= bytes.count else {
        throw .damaged("its EXIF data points past its end")
      }
      let (a, b) = (Int(bytes[offset]), Int(bytes[offset + 1]))
      return littleEndian ? a | b << 8 : a << 8 | b
    }

    func u32(at offset: Int) throws(MetadataRemovalError) -> Int {
      let (low, high) = (try u16(at: offset), try u16(at: offset + 2))
      return littleEndian ? low | high << 16 : low << 16 | high
    }

    /// A directory offset read at `offset`, checked to lie inside the data.
    func offset(at offset: Int) throws(MetadataRemovalError) -> Int {
      let value = try u32(at: offset)
      guard value >= 8, value + 2 <= bytes.count else {
        throw .damaged("its EXIF directory lies outside the EXIF data")
      }
      return value
    }

    /// The size in octets of the value of the directory entry at `entry`.
    func valueSize(at entry: Int) throws(MetadataRemovalError) -> Int {
      let sizes = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4]
      let type = try u16(at: entry + 2)
      let count = try u32(at: entry + 4)
      guard type < sizes.count, sizes[type] > 0 else {
        throw .damaged("its GPS directory has an entry of unknown type \(type)")
      }
      return sizes[type] * count
    }

    func write(_ value: UInt16, at offset: Int, into bytes: inout [UInt8]) {
      let (high, low) = (UInt8(value >> 8), UInt8(value & 0xff))
      bytes[offset] = littleEndian ? low : high
      bytes[offset + 1] = littleEndian ? high : low
    }

    func write(_ value: UInt32, at offset: Int, into bytes: inout [UInt8]) {
      let (high, low) = (UInt16(value >> 16), UInt16(value & 0xffff))
      write(littleEndian ? low : high, at: offset, into: &bytes)
      write(littleEndian ? high : low, at: offset + 2, into: &bytes)
    }
  }
}
