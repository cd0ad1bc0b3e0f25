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
  public static func discover(contentFolder: URL) throws -> Result {
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
      root, relative: "", root: root, ancestors: ancestors, files: &files,
      diagnostics: &diagnostics)
    files.sort { $0.path < $1.path }
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
    _ folder: URL, relative: String, root: URL, ancestors: Set<FolderIdentity>,
    files: inout [SourceFile], diagnostics: inout [Diagnostic]
  ) throws {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    } catch {
      throw BuildError("cannot read the folder '\(folder.path)': \(error.localizedDescription)")
    }
    for name in names {
      if name.hasPrefix(".") || name.hasSuffix("~") { continue }
      let url = folder.appendingPathComponent(name)
      let path = relative.isEmpty ? name : relative + "/" + name
      var status = stat()
      guard lstat(url.path, &status) == 0 else {
        diagnostics.append(
          Diagnostic(file: path, location: .fileStart, message: "cannot read this file"))
        continue
      }
      var target = url
      if status.st_mode & S_IFMT == S_IFLNK {
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL
        guard resolved.path == root.path || resolved.path.hasPrefix(root.path + "/") else {
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
        target = resolved
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
        try walk(
          target, relative: path, root: root, ancestors: ancestors.union([identity]),
          files: &files, diagnostics: &diagnostics)
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
        } else if let data = FileManager.default.contents(atPath: target.path) {
          files.append(SourceFile(path: path, bytes: [UInt8](data)))
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
  }

  /// "100.0 MB", with a decimal point whatever the locale: diagnostics are in English.
  private static func megabytes(_ bytes: Int) -> String {
    let tenths = (bytes * 10 + (1 << 19)) >> 20
    return "\(tenths / 10).\(tenths % 10) MB"
  }
}
