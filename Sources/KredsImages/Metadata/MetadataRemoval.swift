/// What `kreds strip-location` takes out of an original picture.
public enum MetadataRemoval: Sendable {
  /// The GPS position only (EXIF's GPS directory and XMP's GPS properties).
  case location
  /// Every EXIF, XMP, IPTC and comment, except the orientation (so a photo taken sideways is
  /// still shown upright) and the colour profile (so its colours stay the same).
  case all
}

/// Why a picture's metadata could not be edited; the file is then left as it was.
public enum MetadataRemovalError: Error, Equatable, Sendable {
  /// Not a JPEG, PNG, WebP or HEIC file.
  case notAPicture
  /// A picture Kreds reads but cannot edit losslessly (HEIC, GIF).
  case unsupported(String)
  /// The file's structure is broken: what is wrong.
  case damaged(String)

  /// One sentence for the editor: what is wrong and what to do.
  public var message: String {
    switch self {
    case .notAPicture:
      return "is not a JPEG, PNG or WebP picture; only those can have their metadata removed"
    case .unsupported(let what): return what
    case .damaged(let what):
      return
        "looks damaged (\(what)); it was left as it is. Open it in a picture editor and save it again"
    }
  }
}

/// The metadata of an original picture removed losslessly: the image data is copied byte for
/// byte (a JPEG's compressed data, a PNG's `IDAT`, a WebP's `VP8`/`VP8L`/`ALPH`/`ANMF` chunks)
/// and only the containers' metadata parts are edited or left out.
public enum PictureMetadata {
  /// `bytes` without what `removal` names; the same bytes when there is nothing to remove.
  public static func removing(
    _ removal: MetadataRemoval, from bytes: [UInt8]
  ) throws(MetadataRemovalError) -> [UInt8] {
    if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
      return try JPEGMetadata.removing(removal, from: bytes)
    }
    if bytes.starts(with: PNGMetadata.signature) {
      return try PNGMetadata.removing(removal, from: bytes)
    }
    if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)),
      bytes[8..<12].elementsEqual("WEBP".utf8)
    {
      return try WebPMetadata.removing(removal, from: bytes)
    }
    if bytes.count >= 12, bytes[4..<8].elementsEqual("ftyp".utf8) {
      throw .unsupported(
        "is a HEIC picture, whose metadata Kreds cannot remove without rewriting the file's "
          + "structure; the published copies never carry it. To clean the original, convert "
          + "it to JPEG on the phone or with a picture editor, or use 'exiftool -gps:all='")
    }
    if bytes.starts(with: Array("GIF8".utf8)) {
      throw .unsupported(
        "is a GIF, which has no GPS position; its comments are left out of the published copy")
    }
    throw .notAPicture
  }
}
