import ArgumentParser
import Foundation
import KredsBuild
import KredsServer

/// `kreds serve`: build, serve, rebuild on change, reload open pages.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract:
      "Serve the site on http://127.0.0.1:8000/, rebuild on every change, and reload open pages.")

  @OptionGroup var options: ContentOptions

  @Option(name: .long, help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(name: .long, help: "The port to listen on.")
  var port = 8000

  func validate() throws {
    guard (1...65535).contains(port) else {
      throw ValidationError("--port must be from 1 to 65535, found \(port)")
    }
    // They change what `build` and `check` print; serve's log is for a person at a terminal, so
    // taking them and doing nothing would mislead.
    var refused: [String] = []
    if options.format != .text { refused.append("--format") }
    if options.quiet { refused.append("--quiet") }
    if options.strictTemplates { refused.append("--strict-templates") }
    if !refused.isEmpty {
      throw ValidationError(
        "kreds serve does not take \(refused.joined(separator: ", ")): use \(refused.count == 1 ? "it" : "them") with kreds build or kreds check"
      )
    }
  }

  func run() async throws {
    let printer = DiagnosticPrinter(format: options.format)
    let serveOptions = PreviewServer.Options(
      build: try options.builderOptions(output: nil), host: host, port: port,
      log: { line in
        // Diagnostics in the chosen format; other lines as they are.
        Output.standardError(printer.colourise(line))
      })
    do {
      try await PreviewServer.run(serveOptions)
    } catch let error as BuildError {
      Output.standardError("error: \(error.description)")
      throw ExitCode(2)
    }
  }
}
