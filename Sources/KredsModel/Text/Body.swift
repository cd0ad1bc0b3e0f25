/// A Markdown body rendered once, with its link destinations left as numbered placeholders so
/// that the render step can fill in URLs for the site's language and base path.
public struct Body: Hashable, Sendable {
  /// HTML in which link `i` of `links` is written as ``Body.placeholder(i)``.
  public var html: String
  public var links: [BodyLink]
  /// The first paragraph as plain text (the default summary of a story).
  public var firstParagraph: String
  /// The whole body as plain text.
  public var plainText: String

  public init(html: String, links: [BodyLink], firstParagraph: String, plainText: String) {
    self.html = html
    self.links = links
    self.firstParagraph = firstParagraph
    self.plainText = plainText
  }

  public static let empty = Body(html: "", links: [], firstParagraph: "", plainText: "")

  /// What stands in the HTML for link `index` until it is resolved. It cannot come from the
  /// editor's text: every link destination in the body is replaced by one of these.
  public static func placeholder(_ index: Int) -> String { "kreds-link:\(index)" }

  /// The HTML with every quoted placeholder replaced by its link's quoted `url`, in one pass: a
  /// replacement per link would read the whole body once per link, and a pasted list of
  /// 50,000 addresses would take minutes. A nil `url` leaves the link out: its `<a>` element
  /// is replaced by its text.
  public func html(
    linkingWith url: (Int) -> String?, imageMarkup: (Int) -> ImageMarkup? = { _ in nil }
  ) -> String {
    guard !links.isEmpty else { return html }
    let imageOpen = Array("<img ".utf8)
    // The markup to add after the end of the `<img>` tag being copied.
    var pendingAfter: [UInt8]?
    let quote = UInt8(ascii: "\"")
    let marker = Array(("\"" + Body.placeholder(0).dropLast()).utf8)
    let anchorOpen = Array("<a ".utf8)
    let anchorClose = Array("</a>".utf8)
    var result: [UInt8] = []
    result.reserveCapacity(html.utf8.count + links.count * 40)
    // Closing tags still to drop, of anchors whose link was left out (links do not nest).
    var unwrapped = 0
    var html = html
    html.withUTF8 { bytes in
      func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        bytes.count - index >= pattern.count
          && pattern.indices.allSatisfy { bytes[index + $0] == pattern[$0] }
      }
      var index = 0
      while index < bytes.count {
        if let after = pendingAfter, bytes[index] == UInt8(ascii: ">") {
          result.append(bytes[index])
          result.append(contentsOf: after)
          pendingAfter = nil
          index += 1
          continue
        }
        if unwrapped > 0, bytes[index] == UInt8(ascii: "<"), matches(anchorClose, at: index) {
          unwrapped -= 1
          index += anchorClose.count
          continue
        }
        if bytes[index] == quote, bytes.count - index > marker.count, matches(marker, at: index) {
          var end = index + marker.count
          var number = 0
          while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9"),
            number < links.count
          {
            number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
            end += 1
          }
          if end > index + marker.count, end < bytes.count, bytes[end] == quote,
            number < links.count
          {
            if links[number].isImage, let markup = imageMarkup(number),
              let tagStart = Self.lastTagStart(in: result, pattern: imageOpen)
            {
              result.insert(contentsOf: markup.before.utf8, at: tagStart)
              result.append(quote)
              result.append(contentsOf: (markup.src ?? url(number) ?? "").utf8)
              result.append(quote)
              result.append(contentsOf: markup.attributes.utf8)
              if !markup.after.isEmpty { pendingAfter = Array(markup.after.utf8) }
              index = end + 1
              continue
            }
            if let replacement = url(number) {
              result.append(quote)
              result.append(contentsOf: replacement.utf8)
              result.append(quote)
              index = end + 1
              continue
            }
            // Left out: drop the anchor's start tag, back to its "<a " and on to its ">".
            if let tagStart = Self.lastTagStart(in: result, pattern: anchorOpen),
              let tagEnd = bytes[(end + 1)...].firstIndex(of: UInt8(ascii: ">"))
            {
              result.removeSubrange(tagStart...)
              unwrapped += 1
              index = tagEnd + 1
              continue
            }
            result.append(quote)
            result.append(quote)
            index = end + 1
            continue
          }
        }
        result.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// Where the start tag (`<a `, `<img `) that the end of `bytes` is inside of begins; nil when
  /// the end is not inside such a tag.
  private static func lastTagStart(in bytes: [UInt8], pattern: [UInt8]) -> Int? {
    var index = bytes.count - pattern.count
    while index >= 0 {
      if bytes[index] == UInt8(ascii: ">") { return nil }
      if pattern.indices.allSatisfy({ bytes[index + $0] == pattern[$0] }) { return index }
      index -= 1
    }
    return nil
  }
}

extension Body {
  /// How a body image is written (responsive pictures): `before` goes in front of its `<img`,
  /// `src` (nil: the link's URL) is its address, `attributes` follow the address, and `after`
  /// follows the end of the tag. The caller escapes all of them.
  public struct ImageMarkup: Sendable {
    public var before: String
    public var src: String?
    public var attributes: String
    public var after: String

    public init(before: String, src: String?, attributes: String, after: String) {
      self.before = before
      self.src = src
      self.attributes = attributes
      self.after = after
    }
  }
}
