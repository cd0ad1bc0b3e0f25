import Foundation
import KredsImages
import KredsSite

/// Makes the variants of the site's pictures (``ImageVariant``) with libvips and keeps them in
/// a cache folder outside the output, keyed by the original's bytes and the variant's settings:
/// a build with the cache writes the same bytes as one without. An entry that is damaged, cut
/// short or made by another version is ignored and made again.
public final class ImageStore: Sendable {
  /// `.kreds-cache/images` beside the content folder, unless set.
  let folder: URL?

  /// Raised when the way variants are made changes, so that old entries are not used.
  static let version = "kreds-image-1"

  public init(cacheFolder: URL?) {
    folder = cacheFolder?.appendingPathComponent("images")
  }

  /// The default cache: `.kreds-cache/` beside the content folder (kreds init's .gitignore
  /// lists it).
  public static func defaultCacheFolder(contentFolder: URL) -> URL {
    contentFolder.standardizedFileURL.deletingLastPathComponent()
      .appendingPathComponent(".kreds-cache")
  }

  /// The variant's bytes, from the cache or made now from the original in `contentFolder`.
  public func bytes(of variant: ImageVariant, contentFolder: URL) throws -> [UInt8] {
    let url = contentFolder.appendingPathComponent(variant.source)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw BuildError("cannot read '\(variant.source)' to make '\(variant.outputPath)'")
    }
    return try bytes(of: variant, source: [UInt8](data)).get()
  }

  /// The variant's bytes made from `source`, or libvips' reason why it cannot be.
  public func bytes(of variant: ImageVariant, source: [UInt8]) -> Result<[UInt8], BuildError> {
    let settings =
      "\(Self.version) \(variant.width)x\(variant.cropHeight ?? 0) \(variant.format.rawValue) q\(variant.quality)"
    let sourceHash = ContentHash.of(source)
    let entry = folder?.appendingPathComponent(
      "\(sourceHash)-\(ContentHash.of(Array(settings.utf8)).prefix(16))")
    if let entry, let cached = Self.read(entry, settings: settings, sourceHash: sourceHash) {
      return .success(cached)
    }
    let made = ImageCodec.variant(
      of: source, width: variant.width, cropHeight: variant.cropHeight,
      format: Self.encoded(variant.format), quality: variant.quality)
    switch made {
    case .failure(let error):
      return .failure(BuildError(error.message))
    case .success(let bytes):
      if let entry { Self.write(bytes, to: entry, settings: settings, sourceHash: sourceHash) }
      return .success(bytes)
    }
  }

  private static func encoded(_ format: ImageVariant.Format) -> EncodedFormat {
    switch format {
    case .jpeg: .jpeg
    case .png: .png
    case .webp: .webp
    }
  }

  /// An entry: a header line naming what it holds and the payload's length and fingerprint,
  /// then the payload.
  private static func header(settings: String, sourceHash: String, payload: [UInt8]) -> [UInt8] {
    Array("\(settings) \(sourceHash) \(payload.count) \(ContentHash.of(payload))\n".utf8)
  }

  private static func read(_ entry: URL, settings: String, sourceHash: String) -> [UInt8]? {
    guard let data = FileManager.default.contents(atPath: entry.path),
      let newline = data.firstIndex(of: UInt8(ascii: "\n"))
    else { return nil }
    let payload = [UInt8](data[(newline + 1)...])
    let expected = header(settings: settings, sourceHash: sourceHash, payload: payload)
    guard data[...newline].elementsEqual(expected) else { return nil }
    return payload
  }

  /// Written beside and renamed into place, so that a reader never sees half an entry. A cache
  /// that cannot be written only costs time.
  private static func write(_ payload: [UInt8], to entry: URL, settings: String, sourceHash: String)
  {
    let folder = entry.deletingLastPathComponent()
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let temporary = folder.appendingPathComponent(
      ".\(entry.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: .min ... .max))"
    )
    let bytes = header(settings: settings, sourceHash: sourceHash, payload: payload) + payload
    guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes)) else {
      return
    }
    if rename(temporary.path, entry.path) != 0 {
      try? FileManager.default.removeItem(at: temporary)
    }
  }
}
