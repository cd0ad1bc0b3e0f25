import Foundation

extension EmailMessage {
  /// The most characters of an encoded line, soft-break `=` included (RFC 2045 section 6.7).
  static let maximumEncodedLineLength = 76

  /// `text` in quoted-printable (RFC 2045 section 6.7) as lines joined by CRLF. Each line break
  /// of the text (LF, CRLF or CR) becomes a hard break; longer lines get soft breaks, never
  /// inside an `=XX` escape; `=`, bytes outside printable ASCII and white space that would end a
  /// line are escaped.
  static func quotedPrintable(_ text: String) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count * 2)
    // Each line's tokens (a literal byte, or the escapes of one byte or one whole UTF-8
    // character) go into one buffer, with where each starts.
    var tokens: [UInt8] = []
    var starts: [Int] = []
    for (lineIndex, line) in hardLines(Array(text.utf8)).enumerated() {
      if lineIndex > 0 { output += [0x0D, 0x0A] }
      tokens.removeAll(keepingCapacity: true)
      starts.removeAll(keepingCapacity: true)
      for (index, byte) in line.enumerated() {
        let isLast = index == line.count - 1
        let isPrintable = (0x21...0x7E).contains(byte) && byte != UInt8(ascii: "=")
        // Trailing white space may be dropped in transport, so only inner space is literal.
        let isInnerSpace = (byte == 0x20 || byte == 0x09) && !isLast
        if isPrintable || isInnerSpace {
          starts.append(tokens.count)
          tokens.append(byte)
        } else if (0x80...0xBF).contains(byte), index > 0,
          line[line.startIndex + index - 1] >= 0x80
        {
          // The escapes of one UTF-8 character stay on one line. Splitting them would be valid
          // quoted-printable, but whole characters keep the encoded text readable.
          appendEscape(byte, to: &tokens)
        } else {
          starts.append(tokens.count)
          appendEscape(byte, to: &tokens)
        }
      }
      var lineLength = 0
      for (index, start) in starts.enumerated() {
        let end = index + 1 < starts.count ? starts[index + 1] : tokens.count
        // A line that continues needs room for its soft-break `=`.
        let limit =
          index == starts.count - 1 ? maximumEncodedLineLength : maximumEncodedLineLength - 1
        if lineLength + (end - start) > limit {
          output += [UInt8(ascii: "="), 0x0D, 0x0A]
          lineLength = 0
        }
        output += tokens[start..<end]
        lineLength += end - start
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// The lines of `bytes`, split at LF, CRLF and lone CR.
  private static func hardLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D {
        lines.append(bytes[start..<index])
        if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        start = index + 1
      }
      index += 1
    }
    lines.append(bytes[start..<bytes.count])
    return lines
  }

  private static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
    let digits: StaticString = "0123456789ABCDEF"
    digits.withUTF8Buffer { hex in
      bytes += [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
    }
  }
}
