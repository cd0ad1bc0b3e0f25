import Foundation

/// cmark counts columns in bytes; editors count characters. Links come in document order, so
/// counting goes on from the previous link on the same line instead of from the line's start:
/// one line with 50,000 autolinks stays linear.
package struct CharacterColumns {
  package let lines: [Substring]
  private var line = 0
  private var byte = 0
  private var column = 1

  package init(lines: [Substring]) { self.lines = lines }

  package mutating func column(ofByte byteColumn: Int, onLine line: Int) -> Int {
    guard line >= 1, line - 1 < lines.count, byteColumn >= 1 else { return byteColumn }
    if line != self.line || byteColumn < byte + 1 {
      self.line = line
      byte = 0
      column = 1
    }
    let text = lines[line - 1].utf8
    let from = text.index(text.startIndex, offsetBy: min(byte, text.count))
    let to = text.index(text.startIndex, offsetBy: min(byteColumn - 1, text.count))
    // A scalar starts at every byte that is not a UTF-8 continuation byte.
    column += text[from..<to].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    byte = byteColumn - 1
    return column
  }
}
