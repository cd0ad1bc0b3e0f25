import Yams

/// Converts YAML marks into file positions.
package enum Position {
  package static func location(_ mark: Mark, firstLine: Int) -> SourceLocation {
    SourceLocation(line: mark.line + firstLine - 1, column: mark.column)
  }
}
