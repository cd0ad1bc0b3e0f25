import Foundation
import KredsDefaultTheme

/// `kreds theme export`: the theme compiled into the binary, written out as files, into a folder
/// that is new or empty, never over a file.
public enum ThemeExport {
  /// Writes every file and returns their paths, sorted. Throws ``BuildError`` when `folder`
  /// exists and is not empty, or cannot be written; then nothing is left behind.
  public static func write(to folder: URL) throws -> [String] {
    let fileManager = FileManager.default
    let created = try EmptyFolder.isNew(
      folder, command: "kreds theme export",
      advice: "name a new folder, e.g. 'kreds theme export templates'")
    var written: [URL] = []
    do {
      for (path, bytes) in DefaultTheme.files {
        let url = folder.appendingPathComponent(path)
        try fileManager.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url, options: .withoutOverwriting)
        written.append(url)
      }
    } catch {
      // Nothing half-written stays: the files made, and the folder when it was made here.
      if created {
        try? fileManager.removeItem(at: folder)
      } else {
        for url in written { try? fileManager.removeItem(at: url) }
        try? fileManager.removeItem(at: folder.appendingPathComponent("assets"))
      }
      throw BuildError(
        "cannot write the theme into '\(folder.relativePath)': \(error.localizedDescription)")
    }
    return DefaultTheme.files.map(\.path).sorted()
  }
}
