import Foundation

/// Where a build may write, and the atomic swap of a finished build into place.
public enum OutputFolder {
  /// Refuses output folders that a build would destroy or that would feed back into the next
  /// build: the root or home folder, the current folder, the content or templates folder, any
  /// folder containing one of them, and any folder inside the content folder.
  public static func check(output: URL, content: URL, templates: URL?) throws {
    let target = canonical(output)
    let fileManager = FileManager.default
    var protected: [(String, URL)] = [
      ("the current folder", URL(fileURLWithPath: fileManager.currentDirectoryPath)),
      ("the content folder", content),
      ("your home folder", fileManager.homeDirectoryForCurrentUser),
    ]
    if let templates { protected.append(("the templates folder", templates)) }
    if target.path == "/" {
      throw BuildError(
        "refusing to write the site into the root folder '/'; choose another --output")
    }
    for (name, folder) in protected {
      let other = canonical(folder)
      if other.path == target.path || other.path.hasPrefix(target.path + "/") {
        throw BuildError(
          "refusing to write the site into '\(output.relativePath)': it is or contains \(name), which a build would delete; choose another --output, such as 'site'"
        )
      }
    }
    let contentPath = canonical(content).path
    if target.path.hasPrefix(contentPath + "/") {
      throw BuildError(
        "refusing to write the site into '\(output.relativePath)', inside the content folder; choose a folder outside it, such as 'site'"
      )
    }
  }

  /// An absolute, standardised path with symbolic links resolved, also for folders that do not
  /// exist yet (their nearest existing parent is resolved).
  static func canonical(_ url: URL) -> URL {
    let absolute = url.standardizedFileURL
    var existing = absolute
    var rest: [String] = []
    while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
      rest.insert(existing.lastPathComponent, at: 0)
      existing = existing.deletingLastPathComponent()
    }
    var result = existing.resolvingSymlinksInPath()
    for component in rest { result.appendPathComponent(component) }
    return result.standardizedFileURL
  }
}
