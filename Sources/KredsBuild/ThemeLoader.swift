import Foundation
import KredsSite

/// Finds the default theme and lays a site's own templates over it by file name.
public enum ThemeLoader {
  /// The default theme's folder: `$KREDS_THEME`, then `share/kreds/templates` beside the
  /// installed binary, then the `templates/` folder of the source tree the binary was built in.
  public static func defaultThemeFolder() -> URL? {
    let fileManager = FileManager.default
    if let override = ProcessInfo.processInfo.environment["KREDS_THEME"], !override.isEmpty {
      return URL(fileURLWithPath: override)
    }
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = executable.deletingLastPathComponent()
    let installed = folder.deletingLastPathComponent().appendingPathComponent(
      "share/kreds/templates")
    if fileManager.fileExists(atPath: installed.appendingPathComponent("layout.mustache").path) {
      return installed
    }
    for _ in 0..<6 {
      let candidate = folder.appendingPathComponent("templates")
      if fileManager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
        fileManager.fileExists(atPath: candidate.appendingPathComponent("layout.mustache").path)
      {
        return candidate
      }
      folder = folder.deletingLastPathComponent()
    }
    return nil
  }

  /// The theme: default files, replaced by same-named files of `siteTemplates` when that folder
  /// exists. Template problems come back as diagnostics; a missing default theme throws.
  ///
  /// With `cache` (kept by `serve` between rebuilds), templates read the same as last time are
  /// not parsed again.
  public static func load(defaultFolder: URL?, siteTemplates: URL?, cache: ThemeCache? = nil)
    throws -> (theme: Theme?, diagnostics: [Diagnostic])
  {
    var templates: [String: Theme.TemplateSource] = [:]
    var assets: [String: [UInt8]] = [:]
    var folders: [URL] = []
    if let defaultFolder { folders.append(defaultFolder) }
    if let siteTemplates, FileManager.default.fileExists(atPath: siteTemplates.path),
      siteTemplates.standardizedFileURL.path != defaultFolder?.standardizedFileURL.path
    {
      folders.append(siteTemplates)
    }
    guard !folders.isEmpty else {
      throw BuildError(
        "the default theme was not found; install Kreds with 'make install', or set KREDS_THEME to its templates folder"
      )
    }
    for folder in folders {
      let display = folder.relativePath
      for name in try listFiles(folder) {
        let url = folder.appendingPathComponent(name)
        if name.hasPrefix("assets/") {
          if let data = FileManager.default.contents(atPath: url.path) {
            assets[String(name.dropFirst(7))] = [UInt8](data)
          }
        } else if name.hasSuffix(".mustache") {
          guard let data = FileManager.default.contents(atPath: url.path) else { continue }
          let templateName = String(name.dropLast(9))
          templates[templateName] = Theme.TemplateSource(
            name: templateName, displayPath: display + "/" + name,
            text: String(decoding: data, as: UTF8.self))
        }
      }
    }
    let sources = templates.values.sorted { $0.name < $1.name }
    if let kept = cache?.theme(for: sources, assets: assets) { return kept }
    let loaded = Theme.load(templates: sources, assets: assets)
    cache?.store(loaded, for: sources, assets: assets)
    return loaded
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
