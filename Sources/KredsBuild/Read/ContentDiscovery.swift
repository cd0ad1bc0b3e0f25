import Foundation
import KredsSite

/// The discover step: the only code that lists folders. It reads every content file's bytes and
/// notes media files, skipping hidden files and editor backups.
public enum ContentDiscovery {
  public struct Result: Sendable {
    /// Content files with their bytes (media files without).
    public var files: [SourceFile]
    public var diagnostics: [Diagnostic]
  }

  /// The largest content file Kreds reads, in bytes. A story is about 3 KB; a file a thousand
  /// times that is a pasted document or a mistake, and parsing it would cost seconds and
  /// hundreds of megabytes. Media files have no limit: they are copied, not read.
  public static let maximumFileSize = 1 << 20

  /// Lists `contentFolder`. Throws ``BuildError`` when the folder cannot be read at all.
  ///
  /// With `unchanged` (kept by `serve` between rebuilds), a file whose size, modification time,
  /// change time and inode are those of the last run is not read again.
  public static func discover(contentFolder: URL, unchanged: ReadCache? = nil) throws -> Result {
    let fileManager = FileManager.default
    var isDirectory: ObjCBool = false
    guard fileManager.fileExists(atPath: contentFolder.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw BuildError(
        "the content folder '\(contentFolder.relativePath)' does not exist; run kreds where your content/ folder is, or give --content DIR"
      )
    }
    let root = contentFolder.resolvingSymlinksInPath().standardizedFileURL
    var files: [SourceFile] = []
    var diagnostics: [Diagnostic] = []
    var rootStatus = stat()
    let ancestors: Set<FolderIdentity> =
      stat(root.path, &rootStatus) == 0 ? [FolderIdentity(rootStatus)] : []
    try walk(
      root.path, relative: "", root: root.path, ancestors: ancestors, unchanged: unchanged,
      files: &files, diagnostics: &diagnostics)
    files.sort { $0.path < $1.path }
    unchanged?.forgetAllBut(files)
    return Result(files: files, diagnostics: diagnostics)
  }

  /// A folder as the file system knows it, so that a link back to a folder being walked is
  /// seen whatever path leads to it.
  private struct FolderIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
    init(_ status: stat) {
      device = UInt64(status.st_dev)
      inode = UInt64(status.st_ino)
    }
  }

  private static func walk(
    _ folder: String, relative: String, root: String, ancestors: Set<FolderIdentity>,
    unchanged: ReadCache?, files: inout [SourceFile], diagnostics: inout [Diagnostic]
  ) throws {
    // Listed with `readdir` and looked at with `fstatat` relative to the open folder: Foundation's
    // listing, and the kernel walking every full path again, cost more than the rest of
    // discovering an unchanged file.
    guard let directory = opendir(folder) else {
      throw BuildError("cannot read the folder '\(folder)': \(String(cString: strerror(errno)))")
    }
    defer { closedir(directory) }
    let listing = try entries(of: directory, folder: folder)
    for name in listing.notUTF8.sorted() {
      diagnostics.append(
        Diagnostic(
          file: relative.isEmpty ? name : relative + "/" + name, location: .fileStart,
          message:
            "this file name is not valid UTF-8 (shown with \u{FFFD} for the bytes that are not); rename the file"
        ))
    }
    let names = listing.names.sorted()
    let descriptor = dirfd(directory)
    var subfolders: [(folder: String, relative: String, identity: FolderIdentity)] = []
    for name in names {
      if name.hasPrefix(".") || name.hasSuffix("~") { continue }
      let full = folder.hasSuffix("/") ? folder + name : folder + "/" + name
      let path = relative.isEmpty ? name : relative + "/" + name
      var status = stat()
      guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else {
        diagnostics.append(
          Diagnostic(file: path, location: .fileStart, message: "cannot read this file"))
        continue
      }
      var target = full
      if status.st_mode & S_IFMT == S_IFLNK {
        let resolved = URL(fileURLWithPath: full).resolvingSymlinksInPath().standardizedFileURL
        guard resolved.path == root || resolved.path.hasPrefix(root + "/") else {
          diagnostics.append(
            Diagnostic(
              file: path, location: .fileStart,
              message:
                "this is a symbolic link to '\(resolved.path)', outside the content folder; copy the file into the content folder instead"
            ))
          continue
        }
        guard stat(resolved.path, &status) == 0 else {
          diagnostics.append(
            Diagnostic(
              file: path, location: .fileStart,
              message: "this symbolic link points at nothing; remove it"))
          continue
        }
        target = resolved.path
      }
      switch status.st_mode & S_IFMT {
      case S_IFDIR:
        let identity = FolderIdentity(status)
        guard !ancestors.contains(identity) else {
          diagnostics.append(
            Diagnostic(
              file: path, location: .fileStart,
              message:
                "this symbolic link points back to a folder that contains it, which would never end; remove it"
            ))
          continue
        }
        subfolders.append((target, path, identity))
      case S_IFREG:
        if path.hasPrefix("media/") {
          files.append(SourceFile(path: path, bytes: []))
        } else if status.st_size > maximumFileSize {
          diagnostics.append(
            Diagnostic(
              file: path, location: .fileStart,
              message:
                "this file is \(megabytes(Int(status.st_size))) and a content file can be at most 1 MB; split the text into several pages, or put documents in media/ and link to them"
            ))
        } else if let bytes = unchanged?.bytes(of: path, status: status) {
          files.append(SourceFile(path: path, bytes: bytes))
        } else if let data = FileManager.default.contents(atPath: target) {
          let bytes = [UInt8](data)
          unchanged?.store(bytes, of: path, status: status)
          files.append(SourceFile(path: path, bytes: bytes))
        } else {
          diagnostics.append(
            Diagnostic(
              file: path, location: .fileStart,
              message: "cannot read this file; check its permissions"))
        }
      default:
        diagnostics.append(
          Diagnostic(
            file: path, location: .fileStart, message: "this is not a regular file; remove it"))
      }
    }
    @Sendable func walk(
      _ subfolder: (folder: String, relative: String, identity: FolderIdentity)
    ) -> Swift.Result<([SourceFile], [Diagnostic]), Error> {
      Swift.Result {
        var files: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        try Self.walk(
          subfolder.folder, relative: subfolder.relative, root: root,
          ancestors: ancestors.union([subfolder.identity]), unchanged: unchanged, files: &files,
          diagnostics: &diagnostics)
        return (files, diagnostics)
      }
    }
    // The folders inside a top-level folder (each network's) are walked on all cores: after an
    // edit in `serve`, listing thousands of files is a fifth of the rebuild.
    let inTopLevelFolder = !relative.isEmpty && !relative.contains("/")
    let walked = inTopLevelFolder ? Parallel.map(subfolders, walk) : subfolders.map(walk)
    for result in walked {
      let (subfolderFiles, subfolderDiagnostics) = try result.get()
      files += subfolderFiles
      diagnostics += subfolderDiagnostics
    }
  }

  /// The names in an open folder, without `.` and `..`, and (with the bytes that are not UTF-8
  /// shown as U+FFFD) the names that are not UTF-8, which Kreds cannot name in a page or a link.
  private static func entries(of directory: OpaquePointer, folder: String) throws -> (
    names: [String], notUTF8: [String]
  ) {
    var names: [String] = []
    var notUTF8: [String] = []
    while true {
      // `readdir` gives nil at the end and on an error; only an error sets errno.
      errno = 0
      guard let entry = readdir(directory) else { break }
      let decoded = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
        let name = bytes.prefix { $0 != 0 }
        return (String(validating: name, as: UTF8.self), String(decoding: name, as: UTF8.self))
      }
      guard let name = decoded.0 else {
        // Hidden files and backups are skipped whatever their names.
        if !decoded.1.hasPrefix("."), !decoded.1.hasSuffix("~") { notUTF8.append(decoded.1) }
        continue
      }
      if name != ".", name != ".." { names.append(name) }
    }
    if errno != 0 {
      throw BuildError("cannot read the folder '\(folder)': \(String(cString: strerror(errno)))")
    }
    return (names, notUTF8)
  }

  /// "100.0 MB", with a decimal point whatever the locale: diagnostics are in English.
  static func megabytes(_ bytes: Int) -> String {
    let tenths = (bytes * 10 + (1 << 19)) >> 20
    return "\(tenths / 10).\(tenths % 10) MB"
  }
}
