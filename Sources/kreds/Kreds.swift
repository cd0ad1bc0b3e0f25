import ArgumentParser
import Foundation
import KredsBuild

/// The `kreds` command.
@main
struct Kreds: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kreds",
    abstract: "Build websites, calendars and newsletters for local business networks.",
    discussion: """
      The guides come with Kreds: 'kreds docs' lists them (the editors' guides in Danish and \
      English, the content format, the site map, this command, publishing, templates) and \
      'kreds docs TOPIC' prints one. The .deb installs them in /usr/share/doc/kreds/docs/; the \
      tarball has them in docs/ beside the binary.
      """,
    version: KredsVersion.description,
    subcommands: [
      InitCommand.self, BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self,
      ThemeCommand.self, NextChangeCommand.self, DocsCommand.self, StripLocationCommand.self,
    ]
  )

  /// Runs the command. Bad flags end with status 2, as CLI.md says, rather than
  /// ArgumentParser's 64; `--help` and `--version` still end with 0.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
