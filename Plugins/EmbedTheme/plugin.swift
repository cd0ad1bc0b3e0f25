import Foundation
import PackagePlugin

/// Compiles the default theme (`templates/`) into the target it is applied to, through the
/// ThemeEmbedder tool, and the commit of the work tree with it. The command reruns when a file
/// of the theme, or the checked-out commit, changes.
@main struct EmbedTheme: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let package = context.package.directoryURL
    let templates = package.appending(path: "templates")
    var inputs: [URL] = []
    if let walker = FileManager.default.enumerator(
      at: templates, includingPropertiesForKeys: [.isRegularFileKey])
    {
      for case let url as URL in walker
      where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        inputs.append(url)
      }
    }
    let git = package.appending(path: ".git")
    var arguments = [templates.path, ""]
    if FileManager.default.fileExists(atPath: git.appending(path: "HEAD").path) {
      arguments.append(git.path)
      inputs.append(git.appending(path: "HEAD"))
      if let head = try? String(contentsOf: git.appending(path: "HEAD"), encoding: .utf8),
        head.hasPrefix("ref: ")
      {
        let ref = head.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)
        let loose = git.appending(path: ref)
        if FileManager.default.fileExists(atPath: loose.path) { inputs.append(loose) }
      }
      let packed = git.appending(path: "packed-refs")
      if FileManager.default.fileExists(atPath: packed.path) { inputs.append(packed) }
    }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTheme.swift")
    arguments[1] = output.path
    return [
      .buildCommand(
        displayName: "Embedding the default theme",
        executable: try context.tool(named: "ThemeEmbedder").url,
        arguments: arguments, inputFiles: inputs, outputFiles: [output])
    ]
  }
}
