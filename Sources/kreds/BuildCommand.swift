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
    let printer = DiagnosticPrinter(format: options.format)
    let report: SiteBuilder.Report
    let progress = Progress("Building", enabled: !options.quiet && options.format == .text)
    defer { progress.finish() }
    do {
      report = try SiteBuilder.run(options.builderOptions(output: URL(fileURLWithPath: output)))
    } catch let error as BuildError {
      progress.finish()
      Output.standardError("error: \(error.description)")
      throw ExitCode(2)
    }
    progress.finish()
    printer.print(report.diagnostics)
    guard report.files != nil else {
      Output.standardError(Summary.problems(report, wrote: false))
      throw ExitCode(1)
    }
    if !options.quiet {
      var line =
        "Built \(Summary.plural(report.pageCount, "page", "pages")), \(Summary.plural(report.feedCount, "feed", "feeds")) in \(Summary.seconds(since: started)) → \(output)/"
      if report.warningCount > 0 {
        line += " (\(Summary.plural(report.warningCount, "warning", "warnings")))"
      }
      Output.standardError(line)
    }
  }
}
