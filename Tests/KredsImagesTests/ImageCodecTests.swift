import Foundation
import Testing

@testable import KredsImages

/// libvips through the shim, on the files of Tests/Fixtures/images: a phone photo stored
/// sideways with EXIF orientation 6, a GPS position, XMP and a comment (written by exiftool);
/// the same photo cut short; three bytes called `.png`; a 60-megapixel PNG.
@Suite struct ImageCodecTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/images")

  static func bytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
  }

  @Test func headerTurnsTheSizeUprightAndFindsTheLocation() throws {
    let header = try ImageCodec.header(of: try Self.bytes("phone.jpg")).get()
    #expect(header.format == "jpeg")
    #expect(header.orientation == 6)
    #expect(header.width == 120 && header.height == 160)
    #expect(header.hasLocation)
    #expect(!header.hasAlpha && header.frames == 1)
  }

  @Test func aHugeImageIsMeasuredWithoutDecoding() throws {
    let header = try ImageCodec.header(of: try Self.bytes("big.png")).get()
    #expect(header.format == "png")
    #expect(header.width * header.height == 60_000_000)
  }

  @Test func aVariantIsUprightSmallerAndBare() throws {
    let source = try Self.bytes("phone.jpg")
    for format in [EncodedFormat.jpeg, .webp, .png] {
      let variant = try ImageCodec.variant(of: source, width: 60, format: format, quality: 80)
        .get()
      let header = try ImageCodec.header(of: variant).get()
      #expect(header.width == 60 && header.height == 80)
      #expect(header.orientation == 1)
      #expect(!header.hasLocation)
      // No EXIF, XMP or comment survives: none of the words they carry is in the bytes.
      let text = String(decoding: variant, as: UTF8.self)
      let found = ["Exif", "GPS", "XMP", "Editor", "a comment", "Phone"].filter(text.contains)
      #expect(found.isEmpty, "\(format) holds \(found)")
    }
  }

  @Test func aVariantIsNeverLargerThanItsSource() throws {
    let variant = try ImageCodec.variant(
      of: try Self.bytes("phone.jpg"), width: 1600, format: .jpeg, quality: 80
    ).get()
    let header = try ImageCodec.header(of: variant).get()
    #expect(header.width == 120 && header.height == 160)
  }

  @Test func aCropHasExactlyTheSizeAsked() throws {
    let variant = try ImageCodec.variant(
      of: try Self.bytes("phone.jpg"), width: 120, cropHeight: 63, format: .jpeg, quality: 80
    ).get()
    let header = try ImageCodec.header(of: variant).get()
    #expect(header.width == 120 && header.height == 63)
  }

  @Test func theSameSourceGivesTheSameBytes() throws {
    let source = try Self.bytes("phone.jpg")
    let first = try ImageCodec.variant(of: source, width: 80, format: .webp, quality: 80).get()
    let second = try ImageCodec.variant(of: source, width: 80, format: .webp, quality: 80).get()
    #expect(first == second)
  }

  @Test func damagedFilesAreErrors() throws {
    if case .success = ImageCodec.header(of: try Self.bytes("fake.png")) {
      Issue.record("three bytes read as an image")
    }
    let truncated = try Self.bytes("truncated.jpg")
    if case .success = ImageCodec.variant(of: truncated, width: 60, format: .jpeg, quality: 80) {
      Issue.record("a truncated JPEG was decoded")
    }
  }
}
