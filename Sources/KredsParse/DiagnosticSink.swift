import Foundation

/// Collects diagnostics for one file while it is read.
package final class DiagnosticSink {
  package let file: String
  private(set) var diagnostics: [Diagnostic] = []
  /// Cross-file references met while reading, for the resolve step.
  package var references = References()

  package init(file: String) { self.file = file }

  package func error(_ message: String, at location: SourceLocation) {
    diagnostics.append(
      Diagnostic(file: file, location: location, severity: .error, message: message))
  }

  package func warning(_ message: String, at location: SourceLocation) {
    diagnostics.append(
      Diagnostic(file: file, location: location, severity: .warning, message: message))
  }

  package var hasErrors: Bool { diagnostics.containsErrors }
}
