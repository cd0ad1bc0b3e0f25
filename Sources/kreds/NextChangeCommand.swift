import ArgumentParser
import Foundation
import KredsBuild

/// `kreds next-change`: when the site would next differ if built again, for schedules.
struct NextChangeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "next-change",
    abstract: "Print when the built site would next change, as ISO 8601, or nothing when never.",
    discussion: """
      Validates the content like 'check' and prints one line on standard output: the next \
      instant after --now (default: the clock) at which a build would give other files: a \
      meeting begins or ends, a registration deadline or a 'publish:' time passes, the day or \
      the month changes, or an event leaves the calendar feeds. Errors are printed as by \
      'check', and the exit status is 1.
      """)

  @OptionGroup var options: ContentOptions

  func run() throws {
    let report: SiteBuilder.Report
    do {
      report = try SiteBuilder.run(options.builderOptions(output: nil))
    } catch let error as BuildError {
      Output.standardError("error: \(error.description)")
      throw ExitCode(2)
    }
    guard report.files != nil else {
      DiagnosticPrinter(format: options.format).print(
        report.diagnostics.filter { $0.severity == .error })
      Output.standardError(Summary.problems(report))
      throw ExitCode(1)
    }
    if let change = report.nextChange, let zone = report.timeZone {
      print(change.isoText(in: zone))
      // The reason is for a person at a terminal; a script reads the one line alone.
      if !options.quiet, isatty(STDERR_FILENO) == 1 { Output.standardError("(\(change.reason))") }
    }
  }
}
