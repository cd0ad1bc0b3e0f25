import ArgumentParser

/// The `kreds` command.
@main
struct Kreds: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kreds",
    abstract: "Build websites, calendars and newsletters for local business networks.",
    subcommands: [BuildCommand.self, CheckCommand.self]
  )
}
