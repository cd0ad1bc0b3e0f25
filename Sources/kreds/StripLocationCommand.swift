import ArgumentParser
import Foundation
import KredsBuild
import KredsImages

/// `kreds strip-location [FILE ...]`: the GPS position taken out of original pictures, without
/// re-encoding them (CLI.md).
struct StripLocationCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "strip-location",
    abstract: "Remove the GPS position from original pictures, without changing their image data.",
    discussion: """
      Without files, looks through every picture in the content folder's media/ and cleans \
      those that hold a position. JPEG, PNG and WebP are edited in place: only the metadata \
      changes, the image data stays byte for byte the same. A photo already committed keeps \
      its position in the git history.
      """)

  @Argument(
    help: ArgumentHelp(
      "Pictures to clean, relative to the current folder or to the content folder "
        + "(e.g. media/foto/havn.jpg).", valueName: "file"))
  var files: [String] = []

  @Option(name: .long, help: "The content folder.")
  var content = "content"

  @Flag(
    name: .customLong("all-metadata"),
    help:
      "Remove all EXIF, XMP, IPTC and comments, not only the position (the orientation and colour profile stay)."
  )
  var allMetadata = false

  func run() throws {
    let removal: MetadataRemoval = allMetadata ? .all : .location
    let contentFolder = URL(fileURLWithPath: content)
    let outcomes: [OriginalMetadata.Outcome]
    if files.isEmpty {
      var isFolder: ObjCBool = false
      guard
        FileManager.default.fileExists(
          atPath: contentFolder.appendingPathComponent("media").path, isDirectory: &isFolder),
        isFolder.boolValue
      else {
        Output.standardError(
          "error: \(content)/media/ does not exist; run this in the site's folder, or name the content folder with --content"
        )
        throw ExitCode(2)
      }
      outcomes = OriginalMetadata.candidates(in: contentFolder, removal).map {
        OriginalMetadata.remove(
          removal, at: $0.url, path: "\(content)/\($0.path)", onlyWhenLocated: true)
      }
    } else {
      outcomes = files.map { file in
        let direct = URL(fileURLWithPath: file)
        let inContent = contentFolder.appendingPathComponent(file)
        let url =
          !FileManager.default.fileExists(atPath: direct.path)
            && FileManager.default.fileExists(atPath: inContent.path) ? inContent : direct
        return OriginalMetadata.remove(removal, at: url, path: file)
      }
    }
    var removed = 0
    var failed = 0
    for outcome in outcomes {
      switch outcome.result {
      case .removed:
        removed += 1
        Output.standardOutput(
          "\(outcome.path): \(allMetadata ? "metadata" : "GPS position") removed; the image data is unchanged"
        )
      case .nothingToRemove:
        if !files.isEmpty {
          Output.standardOutput(
            "\(outcome.path): \(allMetadata ? "no metadata" : "no GPS position") to remove")
        }
      case .failed(let message):
        failed += 1
        Output.standardError("\(outcome.path): error: \(message)")
      }
    }
    Output.standardOutput(
      "\(outcomes.count) picture\(outcomes.count == 1 ? "" : "s") looked at, \(removed) cleaned"
        + (failed > 0 ? ", \(failed) left as they were because of errors" : "")
        + (removed > 0
          ? ". Commit the cleaned files; earlier commits of them still hold what was removed." : "")
    )
    if failed > 0 { throw ExitCode(1) }
  }
}
