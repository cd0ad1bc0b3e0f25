import Foundation
import KredsImages
import Testing

@testable import KredsBuild

/// `kreds strip-location` on files (issue 29, point 5): the original rewritten through a
/// temporary file with its permissions, bad files left exactly as they were.
@Suite struct StripLocationTests {
  /// A content folder with `media/foto/phone.jpg` (a GPS position) and `media/foto/logo.png`
  /// (none).
  static func content() throws -> (folder: URL, content: URL, photo: URL) {
    let folder = try Fixtures.temporaryFolder()
    let content = folder.appendingPathComponent("content")
    let foto = content.appendingPathComponent("media/foto")
    try FileManager.default.createDirectory(at: foto, withIntermediateDirectories: true)
    for name in ["phone.jpg", "logo.png"] {
      try FileManager.default.copyItem(
        at: PictureBuildTests.images.appendingPathComponent(name),
        to: foto.appendingPathComponent(name))
    }
    return (folder, content, foto.appendingPathComponent("phone.jpg"))
  }

  @Test func aPhotoIsCleanedInPlaceWithItsPermissions() throws {
    let (folder, content, photo) = try Self.content()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: photo.path)
    let found = OriginalMetadata.candidates(in: content, .location).map(\.path)
    #expect(found == ["media/foto/logo.png", "media/foto/phone.jpg"])

    let outcome = OriginalMetadata.remove(.location, at: photo, path: "media/foto/phone.jpg")
    #expect(outcome.result == .removed)
    let bytes = [UInt8](try Data(contentsOf: photo))
    #expect(!(try ImageCodec.header(of: bytes).get().hasLocation))
    let permissions = try FileManager.default.attributesOfItem(atPath: photo.path)[
      .posixPermissions]
    #expect((permissions as? NSNumber)?.intValue == 0o640)
    let left = try FileManager.default.contentsOfDirectory(
      atPath: photo.deletingLastPathComponent().path)
    #expect(left.sorted() == ["logo.png", "phone.jpg"])  // no temporary file stays behind

    #expect(OriginalMetadata.remove(.location, at: photo, path: "p").result == .nothingToRemove)
  }

  @Test func aDamagedOrMissingFileIsLeftAsItWas() throws {
    let (folder, _, photo) = try Self.content()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cut = Array([UInt8](try Data(contentsOf: photo)).prefix(400))
    try Data(cut).write(to: photo)
    guard
      case .failed(let message) = OriginalMetadata.remove(.location, at: photo, path: "p").result
    else {
      Issue.record("a damaged photo was not refused")
      return
    }
    #expect(message.contains("looks damaged") && message.contains("left as it is"))
    #expect([UInt8](try Data(contentsOf: photo)) == cut)

    let missing = photo.deletingLastPathComponent().appendingPathComponent("ingen.jpg")
    #expect(
      OriginalMetadata.remove(.location, at: missing, path: "ingen.jpg").result
        == .failed("does not exist"))
  }
}
