/// A template that cannot be parsed: where (1-based line and column, in characters) and what to
/// write instead.
public struct TemplateSyntaxError: Error, Sendable, Equatable {
  public var line: Int
  public var column: Int
  public var message: String

  public init(line: Int, column: Int, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }

  /// The line and column of a byte offset in UTF-8 text.
  static func at(_ offset: Int, in bytes: [UInt8], _ message: String) -> TemplateSyntaxError {
    var line = 1
    var column = 1
    for byte in bytes[..<min(offset, bytes.count)] {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return TemplateSyntaxError(line: line, column: column, message: message)
  }
}
