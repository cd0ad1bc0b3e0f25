import Foundation
import Testing

/// `kreds init`, `kreds theme export` and `kreds --version` through the binary, as a new user
/// runs them: with no theme folder anywhere near.
extension CommandLineTests {
  /// No `KREDS_THEME`: the theme compiled into the binary.
  static let withoutThemeFolder = ["KREDS_THEME": ""]

  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
  func versionNamesTheReleaseSwiftAndCmark() throws {
    let run = try kreds(["--version"], in: Fixtures.repository)
    #expect(run.status == 0)
    let lines = run.output.split(separator: "\n")
    #expect(lines.count == 3, "\(run.output)")
    #expect(lines.first?.hasPrefix("kreds 1.") == true)
    #expect(lines.contains { $0.hasPrefix("Swift 6.") })
    #expect(lines.contains { $0.hasPrefix("cmark-gfm 0.") })
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
  func initMakesASiteThatBuildsAtOnceWithTheBuiltInTheme() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let made = try kreds(
      [
        "init", "site", "--language", "en", "--title", "Harbour Network", "--base-url",
        "https://harbour.example.dk/",
      ],
      in: folder, environment: Self.withoutThemeFolder)
    #expect(made.status == 0, "\(made.errors)")
    let site = folder.appendingPathComponent("site")
    for path in [
      "content/site.yaml", "content/pages/about.md", "content/media/.gitkeep", "README.md",
      ".gitignore", ".github/workflows/kreds.yml", ".gitlab-ci.yml",
      "content/networks/our-network/index.md",
    ] {
      #expect(
        FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path), "\(path)")
    }
    let settings = try String(
      contentsOf: site.appendingPathComponent("content/site.yaml"), encoding: .utf8)
    #expect(settings.contains("title: \"Harbour Network\"") && settings.contains("language: en"))
    #expect(settings.contains("base_url: https://harbour.example.dk/"))
    // The pointers name what exists where Kreds is installed: `kreds docs content`, no
    // placeholder home page (issue 27).
    #expect(settings.contains("kreds docs content"))
    let readme = try String(contentsOf: site.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains("kreds docs") && !readme.contains("example.dk/kreds"))
    let guide = try kreds(["docs", "content", "--path"], in: site)
    #expect(guide.status == 0)
    #expect(
      FileManager.default.fileExists(
        atPath: guide.output.trimmingCharacters(in: .whitespacesAndNewlines)))
    let listed = try kreds(["docs"], in: site)
    #expect(listed.status == 0 && listed.output.contains("EDITORS.da.md"))
    let unknown = try kreds(["docs", "manual"], in: site)
    #expect(unknown.status == 2 && unknown.errors.contains("'content'"))
    let ignored = try String(contentsOf: site.appendingPathComponent(".gitignore"), encoding: .utf8)
    #expect(ignored.contains("\nsite/\n") && ignored.contains("\n.kreds-cache/\n"))

    // One moment for both builds below, so that they can be compared byte for byte.
    let pinned = ["SOURCE_DATE_EPOCH": "1795000000"]
    let built = try kreds(
      ["build", "--now", "2026-12-03 12:00"], in: site,
      environment: Self.withoutThemeFolder.merging(pinned) { $1 })
    #expect(built.status == 0, "\(built.errors)")
    let home = try String(
      contentsOf: site.appendingPathComponent("site/index.html"), encoding: .utf8)
    #expect(home.contains("First network meeting") && home.contains("<html lang=\"en\""))
    let checked = try kreds(["check"], in: site, environment: Self.withoutThemeFolder)
    #expect(checked.status == 0 && !checked.errors.contains("warning"), "\(checked.errors)")

    // The built-in theme is the source tree's, byte for byte.
    let fromTree = try kreds(
      ["build", "--output", "site-from-tree", "--now", "2026-12-03 12:00"], in: site,
      environment: ["KREDS_THEME": Fixtures.theme.path].merging(pinned) { $1 })
    #expect(fromTree.status == 0)
    #expect(
      Fixtures.tree(site.appendingPathComponent("site"))
        == Fixtures.tree(site.appendingPathComponent("site-from-tree")))
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
  func initRefusesAFolderWithFilesAndBadOptionsAndWritesNothing() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let site = folder.appendingPathComponent("site")
    try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
    try "mine\n".write(
      to: site.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)

    let occupied = try kreds(["init", "site"], in: folder)
    #expect(occupied.status == 2)
    #expect(occupied.errors.contains("exists and is not empty"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == ["notes.txt"])

    let language = try kreds(["init", "other", "--language", "de"], in: folder)
    #expect(language.status == 2 && language.errors.contains("da, en"), "\(language.errors)")
    let address = try kreds(["init", "other", "--base-url", "netvaerk.example.dk"], in: folder)
    #expect(address.status == 2 && address.errors.contains("https://"), "\(address.errors)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["site"])

    // An empty folder, such as the one the editor stands in, is filled.
    let empty = folder.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let here = try kreds(["init", "--language", "da"], in: empty)
    #expect(here.status == 0, "\(here.errors)")
    #expect(
      FileManager.default.fileExists(
        atPath: empty.appendingPathComponent("content/pages/om.md").path))
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
  func themeExportWritesTheBuiltInThemeAndNeverOverwrites() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let exported = try kreds(
      ["theme", "export", "templates"], in: folder, environment: Self.withoutThemeFolder)
    #expect(exported.status == 0, "\(exported.errors)")
    let written = Fixtures.tree(folder.appendingPathComponent("templates"))
    let source = Fixtures.tree(Fixtures.theme).filter {
      $0.key.hasSuffix(".mustache") || $0.key.hasPrefix("assets/")
    }
    #expect(written == source)

    let again = try kreds(["theme", "export", "templates"], in: folder)
    #expect(again.status == 2 && again.errors.contains("not empty"))
    #expect(Fixtures.tree(folder.appendingPathComponent("templates")) == written)
  }
}
