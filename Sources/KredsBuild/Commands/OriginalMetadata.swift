import Foundation
import KredsImages

/// `kreds strip-location`: the GPS position (or all metadata) taken out of original pictures in
/// the content folder, losslessly (``PictureMetadata``). A file is rewritten through a
/// temporary file beside it and a rename, so an interruption never leaves half a photo, and a
/// file that cannot be edited is left exactly as it was.
public enum OriginalMetadata {
  /// What happened to one file.
  public struct Outcome: Sendable, Equatable {
    /// The path as the editor wrote it, or relative to the content folder.
    public var path: String
    public var result: Result

    public enum Result: Sendable, Equatable {
      case removed
      case nothingToRemove
      case failed(String)
    }
  }

  /// Extensions of the pictures looked at when no file is named.
  static let pictureExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "heic", "heif"]

  /// The pictures under `content/media/` whose metadata holds what `removal` removes, each as
  /// (path relative to the content folder, URL), sorted.
  public static func candidates(
    in content: URL, _ removal: MetadataRemoval
  ) -> [(path: String, url: URL)] {
    let media = content.appendingPathComponent("media")
    guard
      let walker = FileManager.default.enumerator(
        at: media, includingPropertiesForKeys: [.isRegularFileKey])
    else { return [] }
    var found: [(path: String, url: URL)] = []
    for case let url as URL in walker
    where pictureExtensions.contains(url.pathExtension.lowercased()) {
      let path = "media/" + url.path.dropFirst(media.path.count + 1)
      found.append((path, url))
    }
    return found.sorted { $0.path < $1.path }
  }

  /// Removes `removal` from the file at `url`; `path` names it in the outcome. With
  /// `onlyWhenLocated`, a picture Kreds cannot edit (HEIC) is only a failure when it holds a
  /// position (found through libvips), so that looking through every picture stays quiet.
  public static func remove(
    _ removal: MetadataRemoval, at url: URL, path: String, onlyWhenLocated: Bool = false
  ) -> Outcome {
    func failed(_ message: String) -> Outcome { Outcome(path: path, result: .failed(message)) }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
      return failed("does not exist")
    }
    if isFolder.boolValue { return failed("is a folder, not a picture") }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return failed("cannot be read; check that you may read it")
    }
    let bytes = [UInt8](data)
    let cleaned: [UInt8]
    do {
      cleaned = try PictureMetadata.removing(removal, from: bytes)
    } catch {
      if onlyWhenLocated, case .unsupported = error {
        let located = (try? ImageCodec.header(of: bytes).get())?.hasLocation ?? false
        if !located { return Outcome(path: path, result: .nothingToRemove) }
      }
      return failed(error.message)
    }
    if cleaned == bytes { return Outcome(path: path, result: .nothingToRemove) }
    guard FileManager.default.isWritableFile(atPath: url.path) else {
      return failed("is read-only; make it writable (chmod u+w '\(url.path)') and run again")
    }
    do {
      try FileReplacement.write(cleaned, to: url)
    } catch {
      return failed("could not be rewritten (\(error.localizedDescription)); it was left as it is")
    }
    return Outcome(path: path, result: .removed)
  }
}
