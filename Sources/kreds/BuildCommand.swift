import ArgumentParser
import Foundation
import KredsBuild

/// `kreds build`: validate, then write the whole site atomically.
struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Validate all content and write the site into the output folder.")

  @OptionGroup var options: ContentOptions

  @Option(name: .long, help: "The output folder.")
  var output = "site"

  func run() throws {
    let started = Date()
    let report = try options.runReporting(
      progress: "Building", output: URL(fileURLWithPath: output))
    if !options.quiet {
      var line =
        "Built \(Summary.plural(report.pageCount, "page", "pages")), \(Summary.plural(report.feedCount, "feed", "feeds")) in \(Summary.seconds(since: started)) → \(output)/"
      if report.warningCount > 0 {
        line += " (\(Summary.plural(report.warningCount, "warning", "warnings")))"
      }
      Output.standardError(line)
      Summary.pictures(report).map(Output.standardError)
      Summary.nextChange(report).map(Output.standardError)
      Summary.notes(report).forEach(Output.standardError)
    }
    if options.format == .json { Output.standardError(Summary.json(report)) }
  }
}
