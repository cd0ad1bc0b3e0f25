import Foundation
import KredsSite

/// site.yaml read on its own, for commands that need a setting before (or without) a build:
/// `--now` in the site's time zone, `kreds new` in the site's language.
public enum SiteSettingsFile {
  /// The settings, or nil when site.yaml is missing or cannot be parsed (the build reports why).
  public static func read(in contentFolder: URL) -> SiteSettings? {
    let file = contentFolder.appendingPathComponent("site.yaml")
    guard let data = FileManager.default.contents(atPath: file.path),
      case .settings(let settings)? = ContentParser.parseSettings(
        SourceFile(path: "site.yaml", bytes: [UInt8](data))
      ).item
    else { return nil }
    return settings
  }
}
