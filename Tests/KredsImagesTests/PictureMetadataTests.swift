import Foundation
import Testing

@testable import KredsImages

/// `kreds strip-location`'s editing (issue 29, point 5): the position out of JPEG, PNG and WebP
/// originals with the image data byte for byte the same, read back by libvips; bad input
/// refused. Fixtures: Tests/Fixtures/images (docs/PHOTOS.md).
@Suite struct PictureMetadataTests {
  static func bytes(_ name: String) throws -> [UInt8] { try ImageCodecTests.bytes(name) }

  /// A JPEG's bytes from its first scan (SOS) on: the compressed image data.
  static func compressedData(_ jpeg: [UInt8]) -> ArraySlice<UInt8>? {
    var index = 2
    while index + 3 < jpeg.count, jpeg[index] == 0xFF {
      let marker = jpeg[index + 1]
      if marker == 0xDA { return jpeg[index...] }
      index += 2 + (Int(jpeg[index + 2]) << 8 | Int(jpeg[index + 3]))
    }
    return nil
  }

  /// The data of the chunks of `types` in a PNG (length, type, data, CRC; big-endian) or a
  /// WebP (type, length, data, padding; little-endian).
  static func chunks(_ bytes: [UInt8], png: Bool, of types: Set<String>) -> [[UInt8]] {
    var index = png ? 8 : 12
    var found: [[UInt8]] = []
    while index + 8 <= bytes.count {
      let typeAt = png ? index + 4 : index
      let sizeBytes = (png ? index..<index + 4 : index + 4..<index + 8).map { Int(bytes[$0]) }
      let size =
        png
        ? sizeBytes[0] << 24 | sizeBytes[1] << 16 | sizeBytes[2] << 8 | sizeBytes[3]
        : sizeBytes[0] | sizeBytes[1] << 8 | sizeBytes[2] << 16 | sizeBytes[3] << 24
      if types.contains(String(decoding: bytes[typeAt..<typeAt + 4], as: UTF8.self)) {
        found.append(Array(bytes[index + 8..<index + 8 + size]))
      }
      index += png ? 12 + size : 8 + size + (size & 1)
    }
    return found
  }

  static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
    let needle = Array(text.utf8)
    return bytes.count >= needle.count
      && (0...bytes.count - needle.count).contains {
        bytes[$0..<$0 + needle.count].elementsEqual(needle)
      }
  }

  @Test func theJPEGLosesItsPositionAndNothingElse() throws {
    let original = try Self.bytes("phone.jpg")
    #expect(try ImageCodec.header(of: original).get().hasLocation)
    let cleaned = try PictureMetadata.removing(.location, from: original)
    let header = try ImageCodec.header(of: cleaned).get()
    #expect(!header.hasLocation)
    #expect(header.orientation == 6 && header.width == 120 && header.height == 160)
    #expect(Self.compressedData(cleaned) == Self.compressedData(original))
    #expect(Self.compressedData(original) != nil)
    #expect(!Self.contains(cleaned, "GPSLatitude") && Self.contains(cleaned, "a comment"))
    // Once clean, nothing more to do: the same bytes.
    #expect(try PictureMetadata.removing(.location, from: cleaned) == cleaned)
  }

  @Test func allMetadataKeepsOnlyTheOrientation() throws {
    let original = try Self.bytes("phone.jpg")
    let cleaned = try PictureMetadata.removing(.all, from: original)
    let header = try ImageCodec.header(of: cleaned).get()
    #expect(header.orientation == 6 && !header.hasLocation)
    #expect(Self.compressedData(cleaned) == Self.compressedData(original))
    for hidden in ["Editor", "a comment", "Phone", "http://ns.adobe.com/xap/1.0/"] {
      #expect(!Self.contains(cleaned, hidden), "\(hidden)")
    }
    #expect(cleaned.count < original.count)
  }

  @Test func thePNGAndWebPLoseTheirPositionWithTheirImageDataUnchanged() throws {
    for (name, png, data) in [
      ("located.png", true, Set(["IDAT", "IHDR"])), ("located.webp", false, Set(["VP8 ", "VP8L"])),
    ] {
      let original = try Self.bytes(name)
      #expect(try ImageCodec.header(of: original).get().hasLocation, "\(name)")
      let cleaned = try PictureMetadata.removing(.location, from: original)
      let header = try ImageCodec.header(of: cleaned).get()
      #expect(!header.hasLocation && header.orientation == 6, "\(name)")
      let before = Self.chunks(original, png: png, of: data)
      #expect(!before.isEmpty && before == Self.chunks(cleaned, png: png, of: data), "\(name)")
      #expect(
        !Self.contains(cleaned, "GPSLatitude") && Self.contains(cleaned, "dc:title"), "\(name)")
      let all = try PictureMetadata.removing(.all, from: original)
      #expect(try ImageCodec.header(of: all).get().orientation == 6, "\(name)")
      #expect(!Self.contains(all, "dc:title") && before == Self.chunks(all, png: png, of: data))
    }
  }

  @Test func badInputIsRefusedWithAReason() throws {
    let jpeg = try Self.bytes("phone.jpg")
    #expect(throws: MetadataRemovalError.damaged("a segment is cut short")) {
      try PictureMetadata.removing(.location, from: Array(jpeg.prefix(300)))
    }
    var png = try Self.bytes("located.png")
    png[40] ^= 0xFF  // inside the first chunk after IHDR: its checksum no longer matches
    #expect {
      try PictureMetadata.removing(.location, from: png)
    } throws: { error in
      guard case .damaged(let what) = error as? MetadataRemovalError else { return false }
      return what.contains("checksum")
    }
    #expect(throws: MetadataRemovalError.notAPicture) {
      try PictureMetadata.removing(.location, from: try Self.bytes("fake.png"))
    }
    #expect {
      try PictureMetadata.removing(.location, from: try Self.bytes("phone.heic"))
    } throws: { error in
      guard case .unsupported(let what) = error as? MetadataRemovalError else { return false }
      return what.contains("HEIC")
    }
  }
}
