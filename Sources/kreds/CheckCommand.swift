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
    let printer = DiagnosticPrinter(format: options.format)
    let report: SiteBuilder.Report
    let progress = Progress("Checking", enabled: !options.quiet && options.format == .text)
    defer { progress.finish() }
    do {
      report = try SiteBuilder.run(options.builderOptions(output: nil))
    } catch let error as BuildError {
      progress.finish()
      Output.standardError("error: \(error.description)")
      throw ExitCode(2)
    }
    progress.finish()
    printer.print(report.diagnostics)
    if report.files == nil {
      Output.standardError(
        Summary.problems(report, wrote: false).replacingOccurrences(
          of: "; nothing written", with: ""))
      throw ExitCode(1)
    }
    if !options.quiet {
      var line =
        "Checked: no errors in \(Summary.plural(report.pageCount, "page", "pages")) (\(Summary.seconds(since: started)))"
      if report.warningCount > 0 { line = "Checked: \(Summary.problems(report, wrote: true))" }
      Output.standardError(line)
    }
  }
}
