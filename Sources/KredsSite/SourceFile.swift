import Foundation

/// A file of the content folder as discovered: its path relative to the content folder (with `/`
/// separators) and its bytes. Media files carry no bytes: they are copied, not read.
public struct SourceFile: Sendable {
  public var path: String
  public var bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }
}

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
