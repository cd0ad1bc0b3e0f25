import ArgumentParser
import Foundation
import KredsBuild
import KredsSite

/// `kreds new network|event|story|newsletter`: a valid file to start from (CLI.md).
struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new", abstract: "Create a content file with the required keys filled in.",
    subcommands: [Network.self, Event.self, Story.self, Newsletter.self])

  struct Location: ParsableArguments {
    @Option(name: .long, help: "The content folder.")
    var content = "content"
  }

  static func create(_ kind: NewContent.Kind, in location: Location) throws {
    do {
      let url = try NewContent.create(kind, contentFolder: URL(fileURLWithPath: location.content))
      let relative = url.path.replacingOccurrences(
        of: FileManager.default.currentDirectoryPath + "/", with: "")
      Output.standardOutput(relative)
    } catch let error as BuildError {
      Output.standardError("error: \(error.description)")
      throw ExitCode(2)
    }
  }

  static func today() -> LocalDate {
    let calendar = Calendar(identifier: .gregorian)
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    return LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
  }

  struct Network: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create content/networks/SLUG/index.md.")
    @Argument(help: "The network's slug: a–z, 0–9 and hyphens.") var slug: String
    @Option(name: .long, help: "The network's name.") var title: String
    @OptionGroup var location: Location

    func run() throws { try NewCommand.create(.network(slug: slug, title: title), in: location) }
  }

  struct Event: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create an event in a network's folder.")
    @Argument(help: "The network's slug.") var network: String
    @Option(name: .long, help: "The event's title.") var title: String
    @Option(
      name: .long, help: "When it starts: 'YYYY-MM-DD HH:MM', or a date alone for a whole day.")
    var start: String
    @OptionGroup var location: Location

    func run() throws {
      guard let start = LocalDateTime(parsing: start) else {
        throw ValidationError(
          "--start must be like '2027-01-20 09:00' or '2027-01-20'"
            + (LocalDateTime.suggestion(for: start).map { "; did you mean '\($0)'?" }
              ?? ", found '\(start)'"))
      }
      try NewCommand.create(.event(network: network, title: title, start: start), in: location)
    }
  }

  struct Story: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create a story in a network's folder, dated today.")
    @Argument(help: "The network's slug.") var network: String
    @Option(name: .long, help: "The story's headline.") var title: String
    @OptionGroup var location: Location

    func run() throws {
      try NewCommand.create(
        .story(network: network, title: title, date: NewCommand.today()), in: location)
    }
  }

  struct Newsletter: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create a newsletter issue in a network's folder, dated today.")
    @Argument(help: "The network's slug.") var network: String
    @OptionGroup var location: Location

    func run() throws {
      try NewCommand.create(.newsletter(network: network, date: NewCommand.today()), in: location)
    }
  }
}
