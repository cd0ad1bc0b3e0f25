import ArgumentParser
import Foundation

/// `kreds docs [TOPIC]`: the guides that come with Kreds, listed or printed (CLI.md).
struct DocsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "docs",
    abstract: "List the guides that come with Kreds, or print one.",
    discussion: """
      Without a topic, lists the guides and the folder they are in. With one, prints its \
      Markdown text (pipe it to 'less'), or with --path only where the file is. The .deb puts \
      them in /usr/share/doc/kreds/docs/, the tarball in docs/ beside the binary.
      """)

  @Argument(
    help: ArgumentHelp(
      "The guide: \(Documentation.topics.map(\.name).joined(separator: ", ")).",
      valueName: "topic"))
  var topic: String?

  @Flag(name: .long, help: "Print the guide's path instead of its text.")
  var path = false

  func run() throws {
    guard let folder = Documentation.folder() else {
      Output.standardError(
        "error: the guides are not installed beside this kreds: they come in the .deb (/usr/share/doc/kreds/docs/) and in the tarball (docs/ beside the binary)"
      )
      throw ExitCode(2)
    }
    guard let topic else {
      Output.standardOutput("The guides are in \(folder.path)/:")
      let width = Documentation.topics.map(\.name.count).max() ?? 0
      for item in Documentation.topics {
        let padding = String(repeating: " ", count: width - item.name.count)
        Output.standardOutput("  \(item.name)\(padding)  \(item.file): \(item.summary)")
      }
      Output.standardOutput("Print one with 'kreds docs TOPIC', e.g. 'kreds docs content | less'.")
      return
    }
    guard let item = Documentation.topics.first(where: { $0.name == topic.lowercased() }) else {
      Output.standardError(
        "error: no guide called '\(topic)'; the guides are \(Documentation.topics.map { "'\($0.name)'" }.joined(separator: ", "))"
      )
      throw ExitCode(2)
    }
    let file = folder.appendingPathComponent(item.file)
    if path {
      Output.standardOutput(file.path)
      return
    }
    guard let data = FileManager.default.contents(atPath: file.path) else {
      Output.standardError("error: cannot read \(file.path)")
      throw ExitCode(2)
    }
    FileHandle.standardOutput.write(data)
  }
}
