import Foundation

/// Turns raw bytes into text the way CONTENT.md allows: UTF-8 only, with or without a byte-order
/// mark, LF or CRLF line ends (a lone CR, as YAML and CommonMark read it, is a line end too).
package enum TextDecoding {
  package static func decode(_ bytes: [UInt8], sink: DiagnosticSink) -> String? {
    var content = bytes[...]
    if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
    if let offset = firstInvalidUTF8Offset(content) {
      let absolute = offset + (bytes.count - content.count)
      let line = bytes[..<absolute].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
      let lineStart = bytes[..<absolute].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
      let column =
        String(decoding: bytes[lineStart..<absolute], as: UTF8.self).unicodeScalars.count + 1
      sink.error(
        "the file is not UTF-8 text: byte 0x\(String(bytes[absolute], radix: 16, uppercase: true)) at byte offset \(absolute) cannot be read; save the file as UTF-8",
        at: SourceLocation(line: line, column: column))
      return nil
    }
    let text = String(decoding: content, as: UTF8.self)
    // Each forbidden character (NUL, other controls, direction overrides) is reported where it
    // is; the file is not read further, since YAML and Markdown would each treat them their own
    // way. Lines end at LF, CR LF and a lone CR, as YAML and CommonMark end them.
    var line = 1
    var column = 1
    var found = false
    var afterCarriageReturn = false
    for scalar in text.unicodeScalars {
      if let problem = ForbiddenCharacters.problem(scalar, allowCarriageReturn: true) {
        sink.error(
          "the file contains \(problem.what); \(problem.fix)",
          at: SourceLocation(line: line, column: column))
        found = true
      }
      if scalar == "\n" && afterCarriageReturn {
        // The LF of a CR LF: the CR already ended the line.
      } else if scalar == "\n" || scalar == "\r" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      afterCarriageReturn = scalar == "\r"
    }
    if found { return nil }
    guard text.utf8.contains(0x0D) else { return text }
    // Made an LF here, a lone CR counts as a line for the front matter split and for positions
    // too, so no diagnostic points past the file's last line.
    return text.replacingOccurrences(of: "\r\n", with: "\n")
      .replacingOccurrences(of: "\r", with: "\n")
  }

  /// The offset of the first byte that does not belong to well-formed UTF-8, if any.
  package static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let lead = bytes[index]
      let length: Int
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch lead {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        lower = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        upper = 0x9F
      case 0xF0:
        length = 4
        lower = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        upper = 0x8F
      default: return index - bytes.startIndex
      }
      guard index + length <= bytes.endIndex else { return index - bytes.startIndex }
      for position in 1..<max(length, 1) where length > 1 {
        let byte = bytes[index + position]
        let (low, high) = position == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
        if byte < low || byte > high { return index - bytes.startIndex }
      }
      index += length
    }
    return nil
  }
}
