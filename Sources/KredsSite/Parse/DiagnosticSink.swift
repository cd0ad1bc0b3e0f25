import Foundation

/// Collects diagnostics for one file while it is read.
final class DiagnosticSink {
  let file: String
  private(set) var diagnostics: [Diagnostic] = []
  /// Cross-file references met while reading, for the resolve step.
  var references = References()

  init(file: String) { self.file = file }

  func error(_ message: String, at location: SourceLocation) {
    diagnostics.append(
      Diagnostic(file: file, location: location, severity: .error, message: message))
  }

  func warning(_ message: String, at location: SourceLocation) {
    diagnostics.append(
      Diagnostic(file: file, location: location, severity: .warning, message: message))
  }

  var hasErrors: Bool { diagnostics.containsErrors }
}
