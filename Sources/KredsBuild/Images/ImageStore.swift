import Foundation
import KredsImages
import KredsSite
import Synchronization

/// Makes the variants of the site's pictures (``ImageVariant``) with libvips and keeps them in
/// a cache folder outside the output, keyed by the original's bytes and the variant's settings:
/// a build with the cache writes the same bytes as one without. An entry that is damaged, cut
/// short or made by another version is ignored and made again.
public final class ImageStore: Sendable {
  /// `.kreds-cache/images` beside the content folder, unless set.
  let folder: URL?
  /// The fingerprint of each original read in this run (or this `serve`), with the file's
  /// size, time and inode when it was read.
  private let sourceHashes = Mutex<[String: (stamp: SourceStamp, hash: String)]>([:])

  /// Raised when the way variants are made changes, so that old entries are not used.
  static let version = "kreds-image-1"

  /// What an entry's settings begin with: besides ``version``, the release of Kreds and of the
  /// libvips loaded, so that a cache restored in CI after an upgrade of either is not used.
  static let maker = "\(version) kreds-\(KredsVersion.release) libvips-\(ImageCodec.libraryVersion)"

  /// Variants made in this run, and variants taken from the cache.
  private let madeCount = Atomic<Int>(0)
  private let reusedCount = Atomic<Int>(0)

  /// How many variants this store made with libvips, and how many it took from the cache.
  public var counts: (made: Int, fromCache: Int) {
    (madeCount.load(ordering: .relaxed), reusedCount.load(ordering: .relaxed))
  }

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
  /// `sourceBytes`, when the caller has read the original already, saves reading it again.
  public func bytes(
    of variant: ImageVariant, contentFolder: URL, sourceBytes: [UInt8]? = nil
  ) -> Result<[UInt8], BuildError> {
    let path = contentFolder.appendingPathComponent(variant.source).path
    let stamp = SourceStamp(path: path)
    var source = sourceBytes
    /// The original's bytes, read at most once.
    func readSource() -> Result<[UInt8], BuildError> {
      if let source { return .success(source) }
      guard let data = FileManager.default.contents(atPath: path) else {
        return .failure(
          BuildError("cannot read '\(variant.source)' to make '\(variant.outputPath)'"))
      }
      let bytes = [UInt8](data)
      source = bytes
      return .success(bytes)
    }
    // A cache hit needs only the original's fingerprint, known once per file and run: a warm
    // build reads each original once, not once per variant.
    let knownHash = stamp.flatMap { stamp in
      sourceHashes.withLock { $0[path] }.flatMap {
        $0.stamp == stamp ? $0.hash : nil
      }
    }
    let sourceHash: String
    if let knownHash {
      sourceHash = knownHash
    } else {
      let bytes: [UInt8]
      switch readSource() {
      case .failure(let error): return .failure(error)
      case .success(let read): bytes = read
      }
      sourceHash = ContentHash.of(bytes)
      if let stamp { sourceHashes.withLock { $0[path] = (stamp, sourceHash) } }
    }
    let settings =
      "\(Self.maker) \(variant.width)x\(variant.cropHeight ?? 0) \(variant.format.rawValue) q\(variant.quality)"
      + (variant.isLossless && variant.format == .webp ? " lossless" : "")
    let entry = folder?.appendingPathComponent(
      "\(sourceHash)-\(ContentHash.of(Array(settings.utf8)).prefix(16))")
    if let entry,
      let cached = ImageCacheEntry.read(entry, settings: settings, sourceHash: sourceHash)
    {
      reusedCount.add(1, ordering: .relaxed)
      return .success(cached)
    }
    let original: [UInt8]
    switch readSource() {
    case .failure(let error): return .failure(error)
    case .success(let read): original = read
    }
    let made = ImageCodec.variant(
      of: original, width: variant.width, cropHeight: variant.cropHeight,
      format: Self.encoded(variant), quality: variant.quality)
    switch made {
    case .failure(let error):
      return .failure(BuildError(error.message))
    case .success(let bytes):
      madeCount.add(1, ordering: .relaxed)
      if let entry {
        ImageCacheEntry.write(bytes, to: entry, settings: settings, sourceHash: sourceHash)
      }
      return .success(bytes)
    }
  }

  private static func encoded(_ variant: ImageVariant) -> EncodedFormat {
    switch variant.format {
    case .jpeg: .jpeg
    case .png: .png
    case .webp: variant.isLossless ? .webpLossless : .webp
    }
  }
}

/// A file's size, modification time (to the nanosecond) and inode: when all are the same, its
/// bytes are taken to be the same, as ``ReadCache`` does.
struct SourceStamp: Equatable, Sendable {
  var size: Int64
  var seconds: Int
  var nanoseconds: Int
  var inode: UInt64

  init?(path: String) {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    size = Int64(status.st_size)
    seconds = Int(status.st_mtim.tv_sec)
    nanoseconds = Int(status.st_mtim.tv_nsec)
    inode = UInt64(status.st_ino)
  }
}
