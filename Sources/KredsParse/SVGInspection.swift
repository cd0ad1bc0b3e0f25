import Foundation

/// Reads an SVG drawing from `media/` for what would run on the site's own origin when a reader
/// opens it (issue 18): scripts, event handlers, `foreignObject` (HTML inside the drawing),
/// `javascript:` addresses, and references to files elsewhere. Such a drawing is refused, not
/// cleaned: a cleaned drawing might not look as the editor saw it, and the editor can export it
/// again without them.
public enum SVGInspection {
  /// The drawing's facts: its size from the root element's `width`/`height` or `viewBox`, or
  /// why it is refused, with the line.
  public static func inspect(_ bytes: [UInt8]) -> MediaFacts {
    let text = String(decoding: bytes, as: UTF8.self)
    let lower = text.lowercased()
    guard let root = lower.range(of: "<svg") else {
      return .refused(reason: "it holds no <svg> element", line: nil)
    }
    if let problem = firstActiveContent(in: lower) {
      let line = line(of: problem.index, in: lower)
      return .refused(reason: "line \(line) of the drawing holds \(problem.reason)", line: line)
    }
    // Indices of `lower` only on `lower`: lower-casing can change a text's length.
    let rootEnd = lower[root.upperBound...].firstIndex(of: ">") ?? lower.endIndex
    let rootTag = String(lower[root.lowerBound..<rootEnd])
    return size(ofRoot: rootTag)
  }

  private static func firstActiveContent(in lower: String) -> (
    reason: String, index: String.Index
  )? {
    var found: [(reason: String, index: String.Index)] = []
    let elements = [
      ("<script", "a <script> element"), ("<foreignobject", "a <foreignObject> element"),
      ("<!entity", "an XML entity declaration"), ("<iframe", "an <iframe> element"),
      ("<embed", "an <embed> element"), ("<object", "an <object> element"),
      ("javascript:", "a javascript: address"), ("@import", "a style sheet @import"),
    ]
    for (pattern, reason) in elements {
      if let range = lower.range(of: pattern) { found.append((reason, range.lowerBound)) }
    }
    if let handler = firstEventHandler(in: lower) {
      found.append(("the event-handler attribute '\(handler.name)'", handler.index))
    }
    if let reference = firstOutsideReference(in: lower) {
      found.append(("a reference to '\(reference.value)' outside the drawing", reference.index))
    }
    return found.min { $0.index < $1.index }
  }

  /// An attribute `on…=` inside a tag: `onload`, `onclick`, `onbegin`, … .
  private static func firstEventHandler(in lower: String) -> (name: String, index: String.Index)? {
    let characters = Array(lower.unicodeScalars)
    var insideTag = false
    var quote: Unicode.Scalar?
    var offset = 0
    while offset < characters.count {
      let character = characters[offset]
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "<" {
        insideTag = true
      } else if character == ">" {
        insideTag = false
      } else if insideTag, character == "\"" || character == "'" {
        quote = character
      } else if insideTag, character == "o", offset + 2 < characters.count,
        characters[offset + 1] == "n", offset > 0,
        characters[offset - 1] == " " || characters[offset - 1] == "\n"
          || characters[offset - 1] == "\t" || characters[offset - 1] == "\r"
          || characters[offset - 1] == "/"
      {
        var end = offset + 2
        while end < characters.count, characters[end].properties.isAlphabetic { end += 1 }
        var after = end
        while after < characters.count, characters[after] == " " { after += 1 }
        if end > offset + 2, after < characters.count, characters[after] == "=" {
          let name = String(String.UnicodeScalarView(characters[offset..<end]))
          let index = lower.unicodeScalars.index(lower.unicodeScalars.startIndex, offsetBy: offset)
          return (name, index)
        }
      }
      offset += 1
    }
    return nil
  }

  /// `href`, `xlink:href`, `src` or `url(…)` naming anything but a fragment of the drawing
  /// itself or an embedded picture (`data:image/…`).
  private static func firstOutsideReference(in lower: String) -> (
    value: String, index: String.Index
  )? {
    var best: (value: String, index: String.Index)?
    for opener in ["href=\"", "href='", "src=\"", "src='", "url(\"", "url('", "url("] {
      var searchFrom = lower.startIndex
      while let range = lower.range(of: opener, range: searchFrom..<lower.endIndex) {
        searchFrom = range.upperBound
        let closing: Character = opener.hasSuffix("'") ? "'" : opener.hasSuffix("\"") ? "\"" : ")"
        let valueEnd = lower[range.upperBound...].firstIndex(of: closing) ?? lower.endIndex
        let value = lower[range.upperBound..<valueEnd].trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("#") || value.hasPrefix("data:image/") || value.isEmpty { continue }
        if best.map({ range.lowerBound < $0.index }) ?? true {
          best = (String(value.prefix(80)), range.lowerBound)
        }
      }
    }
    return best
  }

  private static func line(of index: String.Index, in text: String) -> Int {
    text[..<index].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
  }

  /// `width`/`height` in pixels (a number, optionally `px`), else the `viewBox`'s.
  private static func size(ofRoot tag: String) -> MediaFacts {
    func attribute(_ name: String) -> String? {
      for quote in ["\"", "'"] {
        guard let range = tag.range(of: " \(name)=\(quote)") ?? tag.range(of: "\n\(name)=\(quote)")
        else { continue }
        let end = tag[range.upperBound...].firstIndex(of: Character(quote)) ?? tag.endIndex
        return String(tag[range.upperBound..<end])
      }
      return nil
    }
    func pixels(_ value: String?) -> Int? {
      guard var value = value?.trimmingCharacters(in: .whitespaces) else { return nil }
      if value.hasSuffix("px") { value.removeLast(2) }
      guard let number = Double(value), number >= 1, number < 100_000 else { return nil }
      return Int(number.rounded())
    }
    if let width = pixels(attribute("width")), let height = pixels(attribute("height")) {
      return .drawing(width: width, height: height)
    }
    let box = (attribute("viewbox") ?? "")
      .split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
    if box.count == 4, box[2] >= 1, box[3] >= 1, box[2] < 100_000, box[3] < 100_000 {
      return .drawing(width: Int(box[2].rounded()), height: Int(box[3].rounded()))
    }
    return .drawing(width: nil, height: nil)
  }
}
