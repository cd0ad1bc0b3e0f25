import ArgumentParser
import Foundation
import KredsBuild
import KredsSite

/// How diagnostics are printed.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, github
}

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

  @Option(
    name: .long,
    help: "Diagnostics as text, json (one object a line) or github (Actions annotations).")
  var format: DiagnosticFormat = .text

  @Flag(name: .long, help: "Print only diagnostics.")
  var quiet = false

  func nowDate() throws -> Date {
    guard let now else { return Date() }
    if let date = NowParser.parse(now, contentFolder: URL(fileURLWithPath: content)) { return date }
    throw ValidationError(
      "--now must be a time like '2026-11-23 12:00' or '2026-11-23T12:00:00+01:00', found '\(now)'")
  }

  func builderOptions(output: URL?) throws -> SiteBuilder.Options {
    SiteBuilder.Options(
      contentFolder: URL(fileURLWithPath: content),
      templatesFolder: URL(fileURLWithPath: templates),
      outputFolder: output, baseURL: baseURL, now: try nowDate(), includeDrafts: drafts)
  }
}
