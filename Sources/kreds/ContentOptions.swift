import ArgumentParser
import Foundation
import KredsBuild
import KredsSite

/// The options `build` and `check` share (CLI.md, "Options").
struct ContentOptions: ParsableArguments {
  @Option(name: .long, help: "The content folder.")
  var content = "content"

  @Option(
    name: .long, help: "The site's own templates folder; files there replace the default theme's.")
  var templates = "templates"

  @Option(
    name: .customLong("base-url"),
    help: "Publish under this address instead of base_url of site.yaml.")
  var baseURL: String?

  @Option(
    name: .long,
    help:
      "Judge upcoming and past by this time: 'YYYY-MM-DD HH:MM' in the site's time zone, or ISO 8601 with an offset."
  )
  var now: String?

  @Flag(name: .long, help: "Include items marked 'draft: true'.")
  var drafts = false

  @Flag(
    name: .long,
    help:
      "Include items whose 'publish:' time has not come yet, each marked with that time (to preview them)."
  )
  var future = false

  @Option(
    name: .long,
    help: "Diagnostics as text, json (one object a line) or github (Actions annotations).")
  var format: DiagnosticFormat = .text

  @Option(
    name: .customLong("image-cache"),
    help:
      "Keep made pictures in this folder between builds (default: .kreds-cache beside the content folder)."
  )
  var imageCache: String?

  @Flag(name: .long, help: "Print only diagnostics.")
  var quiet = false

  @Flag(
    name: .customLong("strict-templates"),
    help:
      "Report every name a template looks up that its view does not hold (for theme authors).")
  var strictTemplates = false

  func nowDate() throws -> Date {
    guard let now else { return Date() }
    if let date = NowParser.parse(now, contentFolder: URL(fileURLWithPath: content)) { return date }
    throw ValidationError(
      "--now must be a time like '2026-11-23 12:00' or '2026-11-23T12:00:00+01:00', found '\(now)'")
  }

  func builderOptions(output: URL?) throws -> SiteBuilder.Options {
    var options = SiteBuilder.Options(
      contentFolder: URL(fileURLWithPath: content),
      templatesFolder: URL(fileURLWithPath: templates),
      outputFolder: output, baseURL: baseURL, now: try nowDate(), includeDrafts: drafts)
    options.strictTemplates = strictTemplates
    options.includeFuture = future
    options.imageCacheFolder = imageCache.map { URL(fileURLWithPath: $0) }
    return options
  }

  /// Runs the pipeline (writing into `output` when given) with a progress line, prints the
  /// diagnostics, and returns the report of content without errors. Exits 2 when the run could
  /// not start and 1 when the content has errors, after the summary line.
  func runReporting(progress verb: String, output: URL?) throws -> SiteBuilder.Report {
    let progress = Progress(verb, enabled: !quiet && format == .text)
    let report: SiteBuilder.Report
    do {
      var options = try builderOptions(output: output)
      options.readsHistory = true
      report = ContinuousIntegration.applied(to: try SiteBuilder.run(options))
    } catch let error as BuildError {
      progress.finish()
      Output.standardError("error: \(error.description)")
      throw ExitCode(2)
    }
    progress.finish()
    let printer = DiagnosticPrinter(format: format)
    printer.print(report.diagnostics)
    // Printed even with --quiet: in CI nobody reads notes, and subscribers would lose updates.
    for warning in report.runWarnings { Output.standardError(printer.runWarningLine(warning)) }
    guard report.files != nil else {
      let summary = Summary.problems(report)
      Output.standardError(output == nil ? summary : summary + "; nothing written")
      throw ExitCode(1)
    }
    return report
  }
}
