import Foundation
import KredsSite

/// One made picture in the picture cache (``ImageStore``): read back only when its header
/// names the same settings, original and payload, and written beside and renamed into place.
/// With ``SiteWriter`` and ``OutputFolder`` this is the code that writes (docs/ARCHITECTURE.md).
enum ImageCacheEntry {
  /// An entry: a header line naming what it holds and the payload's length and fingerprint,
  /// then the payload.
  static func header(settings: String, sourceHash: String, payload: [UInt8]) -> [UInt8] {
    Array("\(settings) \(sourceHash) \(payload.count) \(ContentHash.of(payload))\n".utf8)
  }

  static func read(_ entry: URL, settings: String, sourceHash: String) -> [UInt8]? {
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
  static func write(_ payload: [UInt8], to entry: URL, settings: String, sourceHash: String) {
    try? FileManager.default.createDirectory(
      at: entry.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? FileReplacement.write(
      header(settings: settings, sourceHash: sourceHash, payload: payload) + payload, to: entry)
  }
}
