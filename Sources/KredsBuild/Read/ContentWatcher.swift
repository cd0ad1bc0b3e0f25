import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Watches folders for changes. On Linux, inotify wakes it at once and says which files
/// changed: changes to hidden files and editor backups (which the build skips) are ignored, and
/// only a new folder makes it list the folders again. Without inotify it polls a fingerprint of
/// every file (path, size, modification time). Runs on its own thread; `onChange` is called
/// from there.
public final class ContentWatcher: @unchecked Sendable {
  private let folders: [URL]
  private let onChange: @Sendable () -> Void
  private let interval: TimeInterval
  private let stopped = Atomic<Bool>(false)
  /// Whether inotify is in use (false: polling).
  public private(set) var usesInotify = false

  public init(
    folders: [URL], interval: TimeInterval = 0.25, onChange: @escaping @Sendable () -> Void
  ) {
    self.folders = folders
    self.interval = interval
    self.onChange = onChange
  }

  public func start() {
    let thread = Thread { [self] in self.run() }
    thread.name = "kreds-watcher"
    thread.start()
  }

  public func stop() { stopped.store(true, ordering: .relaxed) }

  private var isStopped: Bool { stopped.load(ordering: .relaxed) }

  private func run() {
    var last = fingerprint()
    let inotify = Inotify()
    usesInotify = inotify != nil
    inotify?.watch(folders)
    while !isStopped {
      if let inotify {
        guard inotify.wait(timeout: interval) else { continue }
        // Editors save in several steps (temporary file, rename): let them finish.
        Thread.sleep(forTimeInterval: 0.03)
        let changes = inotify.drain()
        if changes.needsNewWatches { inotify.watchAgain(folders) }
        if changes.concernsContent { onChange() }
        continue
      }
      Thread.sleep(forTimeInterval: interval)
      let current = fingerprint()
      if current != last {
        last = current
        onChange()
      }
    }
  }

  /// Every file below the folders with its size and modification time.
  func fingerprint() -> [String: [Int]] {
    var result: [String: [Int]] = [:]
    for folder in folders {
      guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { continue }
      while let name = enumerator.nextObject() as? String {
        var status = stat()
        let path = folder.appendingPathComponent(name).path
        guard stat(path, &status) == 0 else { continue }
        result[path] = [
          Int(status.st_size), Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec),
          Int(status.st_mode),
        ]
      }
    }
    return result
  }
}

/// The Linux inotify interface, for waking the watcher as soon as a file changes.
private final class Inotify {
  private let descriptor: Int32
  private var watched: Set<String> = []

  init?() {
    #if os(Linux)
      descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
      if descriptor < 0 { return nil }
    #else
      return nil
    #endif
  }

  deinit { close(descriptor) }

  /// Adds a watch for every folder below `folders` not watched yet.
  func watch(_ folders: [URL]) {
    #if os(Linux)
      let mask = UInt32(
        IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB
      )
      for folder in folders {
        var paths = [folder.path]
        if let enumerator = FileManager.default.enumerator(atPath: folder.path) {
          while let name = enumerator.nextObject() as? String {
            // The build never reads hidden folders (`.git`): their changes are not the site's.
            if (name as NSString).lastPathComponent.hasPrefix(".") {
              enumerator.skipDescendants()
              continue
            }
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
              isDirectory.boolValue
            {
              paths.append(path)
            }
          }
        }
        for path in paths where !watched.contains(path) {
          if inotify_add_watch(descriptor, path, mask) >= 0 { watched.insert(path) }
        }
      }
    #endif
  }

  /// True when events arrived within `timeout` seconds.
  func wait(timeout: TimeInterval) -> Bool {
    var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    return poll(&entry, 1, Int32(timeout * 1000)) > 0
  }

  /// Watches every folder below `folders` again, forgetting the ones watched so far: a folder
  /// removed and made again at the same path is a new folder to inotify. A folder still
  /// watched keeps its watch (`inotify_add_watch` returns the one it has).
  func watchAgain(_ folders: [URL]) {
    watched.removeAll()
    watch(folders)
  }

  /// What the pending events say.
  struct Changes {
    /// A file the build reads was created, changed, moved or removed.
    var concernsContent = false
    /// A folder appeared (its files need a watch), or events were lost.
    var needsNewWatches = false
  }

  /// Reads every pending event.
  func drain() -> Changes {
    var changes = Changes()
    #if os(Linux)
      var buffer = [UInt8](repeating: 0, count: 64 * 1024)
      while true {
        let count = read(descriptor, &buffer, buffer.count)
        guard count > 0 else { break }
        var offset = 0
        // Each event: wd (4 bytes), mask (4), cookie (4), len (4), then `len` bytes of name.
        while offset + 16 <= count {
          let mask = buffer.withUnsafeBytes {
            $0.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
          }
          let length = Int(
            buffer.withUnsafeBytes {
              $0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)
            })
          let nameBytes = buffer[(offset + 16)..<min(offset + 16 + length, count)]
          let name = nameBytes.prefix { $0 != 0 }
          offset += 16 + length
          if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            changes.needsNewWatches = true
            changes.concernsContent = true
            continue
          }
          if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            changes.needsNewWatches = true
          }
          // The build skips hidden files and backups (`.x.swp`, `x~`): their changes are not
          // changes of the site.
          let hidden = name.first == UInt8(ascii: ".") || name.last == UInt8(ascii: "~")
          if !hidden { changes.concernsContent = true }
        }
      }
    #endif
    return changes
  }
}
