import Foundation
import KredsSite

/// Prints diagnostics to standard error in the chosen format, in colour on a terminal unless
/// `NO_COLOR` is set.
struct DiagnosticPrinter {
  let format: DiagnosticFormat

  var useColour: Bool {
    isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
  }

  func print(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics { Output.standardError(line(diagnostic)) }
  }

  /// A line of `serve`'s log, with the severity coloured when it is a text diagnostic.
  func colourise(_ line: String) -> String {
    guard format == .text, useColour else { return line }
    return line.replacingOccurrences(of: " error: ", with: " \u{1B}[1;31merror:\u{1B}[0m ")
      .replacingOccurrences(of: " warning: ", with: " \u{1B}[1;33mwarning:\u{1B}[0m ")
  }

  /// A warning about the run as a whole, not a place in a file (CLI.md, "What a run prints").
  func runWarningLine(_ message: String) -> String {
    switch format {
    case .text:
      return useColour ? "\u{1B}[1;33mwarning:\u{1B}[0m \(message)" : "warning: \(message)"
    case .json:
      return JSONValue.object(["severity": .string("warning"), "message": .string(message)]).text
    case .github:
      return "::warning title=Kreds::\(Self.escapeData(message))"
    }
  }

  func line(_ diagnostic: Diagnostic) -> String {
    switch format {
    case .text:
      let text = diagnostic.formatted()
      guard useColour else { return text }
      let colour = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
      let marker = "\(diagnostic.severity.rawValue):"
      return text.replacingOccurrences(of: " \(marker) ", with: " \(colour)\(marker)\u{1B}[0m ")
    case .json:
      return JSONValue.object([
        "file": .string(diagnostic.file), "line": .number(diagnostic.location.line),
        "column": .number(diagnostic.location.column),
        "severity": .string(diagnostic.severity.rawValue), "message": .string(diagnostic.message),
      ]).text
    case .github:
      return
        "::\(diagnostic.severity == .error ? "error" : "warning") file=\(Self.escapeProperty(diagnostic.file)),line=\(diagnostic.location.line),col=\(diagnostic.location.column)::\(Self.escapeData(diagnostic.message))"
    }
  }

  // Workflow commands need %, CR and LF escaped in the message, and also , and : in properties.
  private static func escapeData(_ text: String) -> String {
    text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  private static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(
      of: ",", with: "%2C")
  }
}
