import Foundation

/// A file written beside its place and renamed into it, so that neither a reader nor an
/// interruption ever meets half of it: the picture cache's entries (``ImageCacheEntry``) and the
/// originals `kreds strip-location` cleans (``OriginalMetadata``).
enum FileReplacement {
  /// Writes `bytes` to a temporary file in `url`'s folder and renames it over `url`, keeping the
  /// permissions of the file it replaces. The temporary file is removed when anything fails.
  static func write(_ bytes: [UInt8], to url: URL) throws {
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(
      ".\(url.lastPathComponent).kreds-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: .min ... .max)).tmp"
    )
    let permissions =
      (try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions]
    do {
      try Data(bytes).write(to: temporary)
      if let permissions {
        try FileManager.default.setAttributes(
          [.posixPermissions: permissions], ofItemAtPath: temporary.path)
      }
      guard rename(temporary.path, url.path) == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
  }
}
