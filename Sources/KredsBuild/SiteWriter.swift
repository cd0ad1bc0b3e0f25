import Foundation
import KredsSite

/// The write step: the only code that writes the site. It builds into a fresh folder beside the
/// output and swaps it in, so readers and the next build never see half a site.
public enum SiteWriter {
  /// Writes `files` as the new content of `output`. Media come from `contentFolder`.
  public static func write(_ files: [OutputFile], to output: URL, contentFolder: URL) throws {
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
    do {
      try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
      try writeFiles(files, into: staging, contentFolder: contentFolder)
    } catch {
      try? fileManager.removeItem(at: staging)
      if let error = error as? BuildError { throw error }
      throw BuildError("cannot write the site into '\(parent.path)': \(error.localizedDescription)")
    }

    let hadPrevious = fileManager.fileExists(atPath: target.path)
    do {
      if hadPrevious { try fileManager.moveItem(at: target, to: previous) }
      try fileManager.moveItem(at: staging, to: target)
    } catch {
      if hadPrevious, !fileManager.fileExists(atPath: target.path) {
        try? fileManager.moveItem(at: previous, to: target)
      }
      try? fileManager.removeItem(at: staging)
      throw BuildError("cannot replace '\(target.path)': \(error.localizedDescription)")
    }
    if hadPrevious { try? fileManager.removeItem(at: previous) }
  }

  private static func writeFiles(_ files: [OutputFile], into folder: URL, contentFolder: URL) throws
  {
    let fileManager = FileManager.default
    var created: Set<String> = [folder.path]
    for file in files {
      let url = folder.appendingPathComponent(file.path)
      let directory = url.deletingLastPathComponent()
      if !created.contains(directory.path) {
        try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
        created.insert(directory.path)
      }
      switch file.content {
      case .bytes(let bytes):
        guard fileManager.createFile(atPath: url.path, contents: Data(bytes)) else {
          throw BuildError("cannot write '\(url.path)'; check free space and permissions")
        }
      case .contentFile(let path):
        try fileManager.copyItem(at: contentFolder.appendingPathComponent(path), to: url)
      }
    }
  }

  /// A build killed between its two renames leaves the old site under its temporary name and no
  /// site: put it back.
  private static func recoverInterruptedSwap(parent: URL, name: String) {
    let fileManager = FileManager.default
    let target = parent.appendingPathComponent(name)
    guard !fileManager.fileExists(atPath: target.path),
      let leftovers = try? fileManager.contentsOfDirectory(atPath: parent.path)
    else { return }
    if let old = leftovers.sorted().last(where: { $0.hasPrefix(".\(name).kreds-old-") }) {
      try? fileManager.moveItem(at: parent.appendingPathComponent(old), to: target)
    }
  }

  /// Staging and old folders of builds that were interrupted.
  private static func removeLeftovers(parent: URL, name: String) {
    let fileManager = FileManager.default
    guard let entries = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
    for entry in entries
    where entry.hasPrefix(".\(name).kreds-new-") || entry.hasPrefix(".\(name).kreds-old-") {
      try? fileManager.removeItem(at: parent.appendingPathComponent(entry))
    }
  }
}
