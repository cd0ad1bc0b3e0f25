import Foundation
import KredsSite

/// The bytes of content files by path, with what `stat` said of each when it was read, so that
/// `serve` reads again only the files that changed. Reading is not trusted to the file watcher's
/// events: a file is read again whenever its size, times or inode differ.
///
/// File times come from a clock that ticks every few milliseconds, so two saves of the same
/// size within one tick look alike. As git does with "racily clean" files, a file modified in
/// the last ``racyWindow`` seconds before it was read is read again every time until it is older.
public final class ReadCache: @unchecked Sendable {
  static let racyWindow = 2
  private struct Signature: Equatable {
    var size: Int
    var modified: timespec
    var changed: timespec
    var device: UInt64
    var inode: UInt64

    init(_ status: stat) {
      size = Int(status.st_size)
      modified = status.st_mtim
      changed = status.st_ctim
      device = UInt64(status.st_dev)
      inode = UInt64(status.st_ino)
    }

    static func == (lhs: Signature, rhs: Signature) -> Bool {
      lhs.size == rhs.size && lhs.modified.tv_sec == rhs.modified.tv_sec
        && lhs.modified.tv_nsec == rhs.modified.tv_nsec
        && lhs.changed.tv_sec == rhs.changed.tv_sec && lhs.changed.tv_nsec == rhs.changed.tv_nsec
        && lhs.device == rhs.device && lhs.inode == rhs.inode
    }
  }

  private let lock = NSLock()
  private var entries: [String: (signature: Signature, bytes: [UInt8])] = [:]

  /// Seconds since 1970, now.
  private let clock: @Sendable () -> Int

  public convenience init() {
    self.init(clock: {
      var now = timespec()
      clock_gettime(CLOCK_REALTIME, &now)
      return Int(now.tv_sec)
    })
  }

  /// With another clock, for tests.
  init(clock: @escaping @Sendable () -> Int) {
    self.clock = clock
  }

  func bytes(of path: String, status: stat) -> [UInt8]? {
    lock.lock()
    defer { lock.unlock() }
    guard let entry = entries[path], entry.signature == Signature(status) else { return nil }
    return entry.bytes
  }

  /// Forgets files that are gone, so that a long `serve` does not keep every file it ever read.
  func forgetAllBut(_ files: [SourceFile]) {
    lock.lock()
    entries.keepOnly(pathsOf: files)
    lock.unlock()
  }

  /// Keeps `bytes`, read after `stat` gave `status`, unless the file may still change within
  /// the same clock tick.
  func store(_ bytes: [UInt8], of path: String, status: stat) {
    let now = clock()
    guard now - Int(status.st_mtim.tv_sec) > Self.racyWindow,
      now - Int(status.st_ctim.tv_sec) > Self.racyWindow
    else {
      lock.lock()
      entries[path] = nil
      lock.unlock()
      return
    }
    lock.lock()
    entries[path] = (Signature(status), bytes)
    lock.unlock()
  }
}
