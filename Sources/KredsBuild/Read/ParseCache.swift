import Foundation
import KredsSite

/// Parsed files by path, reused while a file's bytes and `site.yaml` stay the same: parsing is a
/// pure function of the two.
public final class ParseCache: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [String: (bytes: [UInt8], settings: [UInt8], parsed: ParsedFile)] = [:]
  /// The bytes of the files read last time: unchanged files are neither read nor parsed again.
  let unchangedFiles = ReadCache()
  /// The theme of the last run, parsed again only when a template changes.
  let themes = ThemeCache()
  private(set) var hits = 0

  public init() {}

  func parsed(_ file: SourceFile, settingsBytes: [UInt8]) -> ParsedFile? {
    lock.lock()
    defer { lock.unlock() }
    guard let entry = entries[file.path], entry.bytes == file.bytes, entry.settings == settingsBytes
    else {
      return nil
    }
    hits += 1
    return entry.parsed
  }

  func store(_ parsed: ParsedFile, for file: SourceFile, settingsBytes: [UInt8]) {
    lock.lock()
    entries[file.path] = (file.bytes, settingsBytes, parsed)
    lock.unlock()
  }

  /// Forgets files that are gone, so that a long `serve` does not keep every file it parsed.
  func forgetAllBut(_ files: [SourceFile]) {
    lock.lock()
    entries.keepOnly(pathsOf: files)
    lock.unlock()
  }

  /// How many files the last runs took from the cache.
  public var hitCount: Int {
    lock.lock()
    defer { lock.unlock() }
    return hits
  }
}
