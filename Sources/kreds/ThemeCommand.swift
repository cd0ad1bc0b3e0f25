import ArgumentParser
import Foundation
import KredsBuild

/// `kreds theme export DIR`: the built-in theme written out, to start a site's own (CLI.md).
struct ThemeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "theme", abstract: "Work with the default theme.",
    subcommands: [Export.self])

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the built-in theme's templates and assets into a new folder.")

    @Argument(help: "The folder to write; it must not exist, or be empty.")
    var folder: String

    func run() throws {
      do {
        let paths = try ThemeExport.write(to: URL(fileURLWithPath: folder))
        let shown = folder.hasSuffix("/") ? folder : folder + "/"
        for path in paths { Output.standardOutput(shown + path) }
      } catch let error as BuildError {
        Output.standardError("error: \(error.description)")
        throw ExitCode(2)
      }
    }
  }
}
