import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Watches folders for changes: inotify on Linux wakes it at once, and a fingerprint of every
/// file (path, size, modification time) decides whether anything really changed. Without
/// inotify it polls the fingerprint. Runs on its own thread; `onChange` is called from there.
public final class ContentWatcher: @unchecked Sendable {
  private let folders: [URL]
  private let onChange: @Sendable () -> Void
  private let interval: TimeInterval
  private let lock = NSLock()
  private var stopped = false
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

  public func stop() {
    lock.lock()
    stopped = true
    lock.unlock()
  }

  private var isStopped: Bool {
    lock.lock()
    defer { lock.unlock() }
    return stopped
  }

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
        inotify.drain()
        inotify.watch(folders)  // new subfolders
      } else {
        Thread.sleep(forTimeInterval: interval)
      }
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

  /// Reads and discards pending events: the fingerprint says what changed.
  func drain() {
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while read(descriptor, &buffer, buffer.count) > 0 {}
  }
}
