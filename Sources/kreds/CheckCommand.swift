import ArgumentParser
import Foundation
import KredsBuild

/// `kreds check`: everything `build` validates, writing nothing.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate all content, internal links and media included, writing nothing.")

  @OptionGroup var options: ContentOptions

  func run() throws {
    let started = Date()
    let report = try options.runReporting(progress: "Checking", output: nil)
    if !options.quiet {
      var line =
        "Checked: no errors in \(Summary.plural(report.pageCount, "page", "pages")) (\(Summary.seconds(since: started)))"
      if report.warningCount > 0 { line = "Checked: \(Summary.problems(report))" }
      Output.standardError(line)
      // check makes each picture's smallest variant to find damaged ones; the cache keeps it.
      Summary.pictures(report).map(Output.standardError)
      Summary.nextChange(report).map(Output.standardError)
      Summary.notes(report).forEach(Output.standardError)
    }
    if options.format == .json { Output.standardError(Summary.json(report)) }
  }
}
