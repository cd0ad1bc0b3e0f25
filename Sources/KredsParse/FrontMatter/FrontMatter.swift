import Foundation

/// A content file cut into its YAML front matter and Markdown body, keeping line numbers.
package struct FrontMatter {
  package var yaml: String
  /// The file line on which the YAML text starts (2: the opening `---` is line 1).
  package var yamlFirstLine: Int
  package var body: String
  /// The file line on which the body starts.
  package var bodyFirstLine: Int

  /// Splits `text` (already UTF-8, byte-order mark removed, CRLF turned into LF). Works on bytes
  /// and cuts the two parts out whole: splitting every body into lines and joining them again
  /// was a noticeable part of parsing a large site.
  package static func split(_ text: String, sink: DiagnosticSink) -> FrontMatter? {
    let bytes = Array(text.utf8)
    func lineEnd(from start: Int) -> Int {
      var index = start
      while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
      return index
    }
    /// `---`, perhaps followed by spaces or tabs.
    func isFence(_ start: Int, _ end: Int) -> Bool {
      var end = end
      while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t")
      {
        end -= 1
      }
      return end - start == 3 && bytes[start..<end].allSatisfy { $0 == UInt8(ascii: "-") }
    }
    let firstEnd = lineEnd(from: 0)
    guard !bytes.isEmpty, isFence(0, firstEnd) else {
      sink.error(
        "the file must start with front matter: a line '---', the keys (such as 'title: …'), and a closing line '---'",
        at: .fileStart)
      return nil
    }
    var closingLine = 1
    var start = firstEnd + 1
    var closing: (start: Int, end: Int)?
    while start < bytes.count {
      let end = lineEnd(from: start)
      if isFence(start, end) {
        closing = (start, end)
        break
      }
      start = end + 1
      closingLine += 1
    }
    guard let closing else {
      sink.error(
        "the front matter opened by '---' on line 1 is never closed; add a line '---' after the last key",
        at: .fileStart)
      return nil
    }
    // The YAML lines without the line end before the closing fence; the body without the file's
    // final line end.
    let yaml =
      closingLine == 1
      ? "" : String(decoding: bytes[(firstEnd + 1)..<(closing.start - 1)], as: UTF8.self)
    let bodyStart = min(closing.end + 1, bytes.count)
    var bodyEnd = bytes.count
    if bodyEnd > bodyStart, bytes[bodyEnd - 1] == UInt8(ascii: "\n") { bodyEnd -= 1 }
    let body = String(decoding: bytes[bodyStart..<bodyEnd], as: UTF8.self)
    return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closingLine + 2)
  }
}
