import ArgumentParser
import Foundation
import KredsBuild
import KredsSite

/// `kreds init [DIR]`: a new site that builds at once (CLI.md).
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Make a new site: content to start from, an editors' README and publishing recipes.")

  @Argument(help: "The new site's folder; it must not exist, or be empty.")
  var folder = "."

  @Option(name: .long, help: "The site's language: da or en.")
  var language = "da"

  @Option(name: .long, help: "The site's name.")
  var title: String?

  @Option(name: .customLong("base-url"), help: "The address the site is published at.")
  var baseURL: String?

  func validate() throws {
    guard Language(rawValue: language) != nil else {
      throw ValidationError(
        "--language must be one of \(Language.allCases.map(\.rawValue).joined(separator: ", ")), found '\(language)'"
      )
    }
    if let baseURL, !SiteSettings.isUsableBaseURL(baseURL) {
      throw ValidationError(
        "--base-url must be a web address like 'https://netvaerk.example.dk/', found '\(baseURL)'")
    }
  }

  func run() throws {
    let settings = NewSite.Settings(
      language: Language(rawValue: language) ?? .da, title: title, baseURL: baseURL,
      today: NewCommand.today())
    let target = URL(fileURLWithPath: folder)
    do {
      let paths = try NewSite.create(at: target, settings)
      let shown = folder == "." ? "" : folder.hasSuffix("/") ? folder : folder + "/"
      for path in paths { Output.standardOutput(shown + path) }
      let next = settings.language == .da ? "Næste skridt" : "Next"
      let enter = folder == "." ? "" : "cd \(folder) && "
      Output.standardError("\(next): \(enter)kreds serve")
    } catch let error as BuildError {
      Output.standardError("error: \(error.description)")
      throw ExitCode(2)
    }
  }
}
