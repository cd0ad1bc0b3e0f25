import Foundation
import KredsImages
import KredsSite

/// The write step: the only code that writes the site. It builds into a fresh folder beside the
/// output and swaps it in, so readers and the next build never see half a site.
public enum SiteWriter {
  /// Writes `files` as the new content of `output`. Media come from `contentFolder`; pictures
  /// are made (or taken from the cache) by `images`, on all the writer's threads.
  public static func write(
    _ files: [OutputFile], to output: URL, contentFolder: URL, images: ImageStore
  ) throws {
    let fileManager = FileManager.default
    let target = output.standardizedFileURL
    let parent = target.deletingLastPathComponent()
    let name = target.lastPathComponent
    do {
      try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw BuildError("cannot create the folder '\(parent.path)': \(error.localizedDescription)")
    }
    recoverInterruptedSwap(parent: parent, name: name)
    removeLeftovers(parent: parent, name: name)

    let pid = ProcessInfo.processInfo.processIdentifier
    let staging = parent.appendingPathComponent(".\(name).kreds-new-\(pid)")
    let previous = parent.appendingPathComponent(".\(name).kreds-old-\(pid)")
    // The site is written into a folder of its own inside the staging folder, named anew for
    // every build (see `markAsTopOfHierarchy`), and that folder is what is swapped in.
    let site = staging.appendingPathComponent("site-\(UInt32.random(in: .min ... .max))")
    do {
      try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
      markAsTopOfHierarchy(staging)
      try fileManager.createDirectory(at: site, withIntermediateDirectories: false)
      try writeFiles(files, into: site, contentFolder: contentFolder, images: images)
    } catch {
      try? fileManager.removeItem(at: staging)
      if let error = error as? BuildError { throw error }
      throw BuildError("cannot write the site into '\(parent.path)': \(error.localizedDescription)")
    }

    let hadPrevious = fileManager.fileExists(atPath: target.path)
    do {
      if hadPrevious { try fileManager.moveItem(at: target, to: previous) }
      try fileManager.moveItem(at: site, to: target)
    } catch {
      if hadPrevious, !fileManager.fileExists(atPath: target.path) {
        try? fileManager.moveItem(at: previous, to: target)
      }
      try? fileManager.removeItem(at: staging)
      throw BuildError("cannot replace '\(target.path)': \(error.localizedDescription)")
    }
    try? fileManager.removeItem(at: staging)
    if hadPrevious { try? fileManager.removeItem(at: previous) }
  }

  /// Marks `folder` as the top of a hierarchy for ext4 (the flag `chattr +T` sets), so that ext4
  /// places each folder made in it in a block group chosen from the folder's name, instead of
  /// beside `folder`. The site's own folder is made in it with a new random name each build, so
  /// each build's files land in another part of the disk than the last build's.
  ///
  /// Every build deletes the previous site, thousands of files, and ext4 will not hand out an
  /// inode freed in the last half minute or so: it steps over each of them while looking for a
  /// free one, in the group where they were freed, for every new file. Building the 4k
  /// benchmark site again and again got slower with every build (4.0, 6.1, 5.6, 7.3 s, up to 9 s
  /// of it in the kernel), and so did building right after deleting the output. Other file
  /// systems refuse or ignore the flag; that costs nothing, so the result is not checked.
  static func markAsTopOfHierarchy(_ folder: URL) {
    #if os(Linux)
      let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
      guard descriptor >= 0 else { return }
      defer { close(descriptor) }
      // FS_IOC_GETFLAGS and FS_IOC_SETFLAGS (linux/fs.h); the kernel reads and writes an int.
      var flags: Int32 = 0
      guard ioctl(descriptor, UInt(0x8008_6601), &flags) == 0 else { return }
      let topOfHierarchy: Int32 = 0x0002_0000  // FS_TOPDIR_FL
      guard flags & topOfHierarchy == 0 else { return }
      flags |= topOfHierarchy
      _ = ioctl(descriptor, UInt(0x4008_6602), &flags)
    #endif
  }

  /// How many threads write. Creating files and folders is mostly the kernel allocating inodes,
  /// which it does on the calling thread, so a few threads keep more cores busy with it. On two
  /// cores, two threads wrote a 7,800-file site in 3.0–3.5 s instead of 4.6–5.7 s with one, and
  /// four were slower than two.
  static let writerThreads = min(4, max(2, ProcessInfo.processInfo.activeProcessorCount))

  private static func writeFiles(
    _ files: [OutputFile], into folder: URL, contentFolder: URL, images: ImageStore
  ) throws {
    // Every folder, by depth: those of one depth in parallel, once their parents exist; then
    // the files, in parallel.
    var folders: Set<Substring> = []
    for file in files {
      var directory = parentPath(file.path[...])
      while !directory.isEmpty, folders.insert(directory).inserted {
        directory = parentPath(directory)
      }
    }
    let levels = Dictionary(grouping: folders) { $0.count(where: { $0 == "/" }) }
    let root = folder.path
    for depth in levels.keys.sorted() {
      let level = levels[depth, default: []].map { root + "/" + $0 }.sorted()
      try Parallel.forEach(level.count, threads: writerThreads) { index in
        try makeFolder(level[index])
      }
    }
    try Parallel.forEach(files.count, threads: writerThreads) { index in
      let path = root + "/" + files[index].path
      switch files[index].content {
      case .bytes(let bytes):
        try write(bytes, to: path)
      case .contentFile(let source):
        try FileManager.default.copyItem(
          at: contentFolder.appendingPathComponent(source), to: URL(fileURLWithPath: path))
      case .animation(let source):
        let url = contentFolder.appendingPathComponent(source)
        guard let data = FileManager.default.contents(atPath: url.path) else {
          throw BuildError("cannot read '\(source)' to publish it")
        }
        try write(AnimationMetadata.removed(from: [UInt8](data)), to: path)
      case .image(let variant):
        try write(images.bytes(of: variant, contentFolder: contentFolder).get(), to: path)
      }
    }
  }

  /// `path` without its last component; empty for a file at the top.
  private static func parentPath(_ path: Substring) -> Substring {
    path.lastIndex(of: "/").map { path[..<$0] } ?? ""
  }

  /// A folder in the staging folder, whose parent exists. One that already exists is fine: on a
  /// file system that ignores case, `A/` and `a/` are one folder.
  private static func makeFolder(_ path: String) throws {
    guard mkdir(path, 0o777) == 0 || errno == EEXIST else {
      throw BuildError(
        "cannot create the folder '\(path)': \(String(cString: strerror(errno))); check free space and permissions"
      )
    }
  }

  /// One `write` per file into the private staging folder: no temporary file and rename per
  /// file as Foundation's writer does, since the whole folder is swapped in at the end. A short
  /// write (disk full, file size limit) is an error that names the file and the reason.
  private static func write(_ bytes: [UInt8], to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw writeError(path) }
    var written = 0
    let failed = bytes.withUnsafeBytes { buffer -> Bool in
      while written < buffer.count {
        let result = Foundation.write(
          descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
        if result < 0 {
          if errno == EINTR { continue }
          return true
        }
        written += result
      }
      return false
    }
    if failed {
      let error = writeError(path)
      close(descriptor)
      throw error
    }
    guard close(descriptor) == 0 else { throw writeError(path) }
  }

  private static func writeError(_ path: String) -> BuildError {
    BuildError(
      "cannot write '\(path)': \(String(cString: strerror(errno))); check free space and permissions"
    )
  }

  /// Whether the build that named a temporary folder with its process number still runs: its
  /// folder is not a leftover, and a second build must not delete it under it.
  private static func isRunning(_ entry: String) -> Bool {
    guard let number = entry.split(separator: "-").last.flatMap({ Int32($0) }), number > 0 else {
      return false
    }
    if number == ProcessInfo.processInfo.processIdentifier { return false }
    return kill(number, 0) == 0 || errno == EPERM
  }

  /// A build killed between its two renames leaves the old site under its temporary name and no
  /// site: put it back.
  private static func recoverInterruptedSwap(parent: URL, name: String) {
    let fileManager = FileManager.default
    let target = parent.appendingPathComponent(name)
    guard !fileManager.fileExists(atPath: target.path),
      let leftovers = try? fileManager.contentsOfDirectory(atPath: parent.path)
    else { return }
    if let old = leftovers.sorted().last(where: {
      $0.hasPrefix(".\(name).kreds-old-") && !isRunning($0)
    }) {
      try? fileManager.moveItem(at: parent.appendingPathComponent(old), to: target)
    }
  }

  /// Staging and old folders of builds that were interrupted.
  private static func removeLeftovers(parent: URL, name: String) {
    let fileManager = FileManager.default
    guard let entries = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
    for entry in entries
    where (entry.hasPrefix(".\(name).kreds-new-") || entry.hasPrefix(".\(name).kreds-old-"))
      && !isRunning(entry)
    {
      try? fileManager.removeItem(at: parent.appendingPathComponent(entry))
    }
  }
}
