import Foundation

/// The rule of the commands that make a folder of files (`kreds init`, `kreds theme export`):
/// they write into a folder that does not exist yet or is empty, and never over a file.
enum EmptyFolder {
  /// Whether `folder` does not exist yet; throws ``BuildError`` when it exists and is not an
  /// empty folder, with `advice` on what to run instead.
  static func isNew(_ folder: URL, command: String, advice: String) throws -> Bool {
    let fileManager = FileManager.default
    var isFolder: ObjCBool = false
    guard fileManager.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return true }
    let entries =
      isFolder.boolValue ? (try? fileManager.contentsOfDirectory(atPath: folder.path)) : nil
    guard let entries, entries.isEmpty else {
      throw BuildError(
        "'\(folder.relativePath)' exists and is not empty; \(command) never writes over files: \(advice)"
      )
    }
    return false
  }
}
