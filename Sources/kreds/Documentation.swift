import Foundation

/// The guides that travel with Kreds (docs/RELEASING.md, "The packages"): where they are on
/// this machine, for `kreds docs` and for the pointers `kreds init` writes.
enum Documentation {
  /// A guide, by the name `kreds docs` takes.
  struct Topic: Sendable {
    var name: String
    var file: String
    var summary: String
  }

  static let topics: [Topic] = [
    Topic(name: "editors", file: "EDITORS.da.md", summary: "Redaktørens vejledning (dansk)"),
    Topic(name: "editors-en", file: "EDITORS.en.md", summary: "The editors' guide (English)"),
    Topic(name: "content", file: "CONTENT.md", summary: "The content format: every file and key"),
    Topic(name: "site", file: "SITE.md", summary: "Every page, feed and file a build publishes"),
    Topic(name: "cli", file: "CLI.md", summary: "The kreds command, its options and exit statuses"),
    Topic(
      name: "publishing", file: "PUBLISHING.md",
      summary: "Publishing on GitHub Pages, GitLab Pages or a web host"),
    Topic(name: "templates", file: "TEMPLATES.md", summary: "Templates and the theme"),
  ]

  /// The first folder that holds the guides: `docs/` beside the binary (the tarball), then
  /// `../share/doc/kreds/docs` from it (the .deb, `make install`), then the source tree the
  /// binary was built from (a developer's build).
  static func folder(executable: URL? = currentExecutable()) -> URL? {
    var candidates: [URL] = []
    if let executable {
      let binFolder = executable.deletingLastPathComponent()
      candidates.append(binFolder.appendingPathComponent("docs"))
      candidates.append(
        binFolder.deletingLastPathComponent().appendingPathComponent("share/doc/kreds/docs"))
    }
    // Sources/kreds/Documentation.swift → the repository's docs/.
    candidates.append(
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs"))
    return candidates.first {
      FileManager.default.fileExists(atPath: $0.appendingPathComponent("CONTENT.md").path)
    }
  }

  /// The running binary, symbolic links resolved (so /usr/bin/kreds, not a link to it).
  static func currentExecutable() -> URL? {
    guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    else { return nil }
    return URL(fileURLWithPath: path).resolvingSymlinksInPath()
  }
}
