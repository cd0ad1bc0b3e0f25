/// Bounds on Markdown shapes that make cmark-gfm slow or deep. No article needs them; a body
/// that breaks one is refused with its position instead of costing minutes or the stack.
///
/// Measured with Debian's cmark-gfm 0.29.0.gfm.6: a paragraph of 40,000 `![[]()` takes 51 s
/// (the time grows with the cube of the brackets), a table row of 20,000 cells 43 s, and
/// emphasis nested 8,000 deep 3 s in the plain-text renderer. See docs/RELIABILITY.md.
public enum MarkdownLimits {
  /// `[` in one paragraph (lines without a blank line between them).
  public static let maximumBracketsPerParagraph = 1000
  /// `|` on one line: a table of 200 columns is not read by anyone.
  public static let maximumPipesPerLine = 200
  /// Blocks and inlines inside each other: lists in quotes, emphasis in links.
  public static let maximumNesting = 32

  /// Where a body breaks a limit.
  public struct Violation: Hashable, Sendable {
    /// 1-based, within the Markdown text.
    public var line: Int
    /// 1-based, in UTF-8 bytes, as cmark counts.
    public var byteColumn: Int
    public var message: String
  }

  /// The first line that breaks a limit cmark-gfm would suffer from, found before parsing.
  static func firstViolation(in text: String) -> Violation? {
    var line = 1
    var column = 0
    var bracketsInParagraph = 0
    var pipesInLine = 0
    var lineIsBlank = true
    for byte in text.utf8 {
      column += 1
      switch byte {
      case UInt8(ascii: "\n"):
        if lineIsBlank { bracketsInParagraph = 0 }
        line += 1
        column = 0
        pipesInLine = 0
        lineIsBlank = true
        continue
      case UInt8(ascii: "["):
        bracketsInParagraph += 1
        if bracketsInParagraph > maximumBracketsPerParagraph {
          return Violation(
            line: line, byteColumn: column,
            message:
              "this paragraph has more than \(maximumBracketsPerParagraph) '[' (links and images); split it with blank lines"
          )
        }
      case UInt8(ascii: "|"):
        pipesInLine += 1
        if pipesInLine > maximumPipesPerLine {
          return Violation(
            line: line, byteColumn: column,
            message:
              "this line has more than \(maximumPipesPerLine) '|'; a table can have at most \(maximumPipesPerLine - 1) columns"
          )
        }
      default:
        break
      }
      if byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t"), byte != UInt8(ascii: "\r") {
        lineIsBlank = false
      }
    }
    return nil
  }
}
