import Foundation
import KredsDefaultTheme
import KredsSite

/// Finds the default theme and lays a site's own templates over it by file name.
public enum ThemeLoader {
  /// What diagnostics call the files of the theme compiled into the binary.
  static let builtInDisplayFolder = "(built-in theme)"

  /// The folder `KREDS_THEME` names, for work on the theme itself; nil (the theme compiled into
  /// the binary) when it is not set. The binary needs no folder beside it.
  public static func defaultThemeFolder() -> URL? {
    guard let override = ProcessInfo.processInfo.environment["KREDS_THEME"], !override.isEmpty
    else { return nil }
    return URL(fileURLWithPath: override)
  }

  /// The theme: the default files (those of `defaultFolder`, or with none the theme compiled
  /// into the binary), replaced by same-named files of `siteTemplates` when that folder exists.
  /// Template problems come back as diagnostics; an unreadable folder throws.
  ///
  /// With `cache` (kept by `serve` between rebuilds), templates read the same as last time are
  /// not parsed again.
  public static func load(defaultFolder: URL?, siteTemplates: URL?, cache: ThemeCache? = nil)
    throws -> (theme: Theme?, diagnostics: [Diagnostic])
  {
    var templates: [String: Theme.TemplateSource] = [:]
    var assets: [String: [UInt8]] = [:]
    var folders: [URL] = []
    if let defaultFolder {
      guard FileManager.default.fileExists(atPath: defaultFolder.path) else {
        throw BuildError(
          "the theme folder '\(defaultFolder.path)' does not exist; unset KREDS_THEME to use the built-in theme"
        )
      }
      folders.append(defaultFolder)
    } else {
      for (path, bytes) in DefaultTheme.files {
        add(path, bytes, display: builtInDisplayFolder, templates: &templates, assets: &assets)
      }
    }
    if let siteTemplates, FileManager.default.fileExists(atPath: siteTemplates.path),
      siteTemplates.standardizedFileURL.path != defaultFolder?.standardizedFileURL.path
    {
      folders.append(siteTemplates)
    }
    for folder in folders {
      let display = folder.relativePath
      for name in try listFiles(folder)
      where name.hasPrefix("assets/") || name.hasSuffix(".mustache") {
        guard
          let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
        else { continue }
        add(name, [UInt8](data), display: display, templates: &templates, assets: &assets)
      }
    }
    let sources = templates.values.sorted { $0.name < $1.name }
    if let kept = cache?.theme(for: sources, assets: assets) { return kept }
    let loaded = Theme.load(templates: sources, assets: assets)
    cache?.store(loaded, for: sources, assets: assets)
    return loaded
  }

  /// One file of a theme: an asset (below `assets/`) or a template (`*.mustache`).
  private static func add(
    _ name: String, _ bytes: [UInt8], display: String,
    templates: inout [String: Theme.TemplateSource], assets: inout [String: [UInt8]]
  ) {
    if name.hasPrefix("assets/") {
      assets[String(name.dropFirst(7))] = bytes
    } else if name.hasSuffix(".mustache") {
      let templateName = String(name.dropLast(9))
      templates[templateName] = Theme.TemplateSource(
        name: templateName, displayPath: display + "/" + name,
        text: String(decoding: bytes, as: UTF8.self))
    }
  }

  private static func listFiles(_ folder: URL) throws -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else {
      throw BuildError("cannot read the templates folder '\(folder.path)'")
    }
    var names: [String] = []
    while let name = enumerator.nextObject() as? String {
      let last = (name as NSString).lastPathComponent
      if last.hasPrefix(".") || last.hasSuffix("~") { continue }
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(
        atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        names.append(name)
      }
    }
    return names.sorted()
  }
}
