/// A link or image found in Markdown, with its destination as written.
public struct MarkdownLink: Hashable, Sendable {
  public var destination: String
  public var isImage: Bool
  /// The image's text alternative (its bracketed text); nil for links.
  public var altText: String?
  /// 1-based line within the Markdown text.
  public var line: Int
  /// 1-based column within that line, counted in UTF-8 bytes as cmark counts them.
  public var byteColumn: Int
}

/// Markdown rendered to HTML, with every link and image destination replaced by a placeholder
/// produced by the caller, so that URLs can be filled in later without parsing HTML.
public struct MarkdownDocument: Hashable, Sendable {
  public var html: String
  /// In document order; link `i` appears in `html` as the placeholder made for `i`.
  public var links: [MarkdownLink]
  /// The first top-level paragraph as plain text, white space folded.
  public var firstParagraph: String
  /// The whole document as plain text.
  public var plainText: String
  /// Set when the text breaks one of ``MarkdownLimits``; the rest is then empty.
  public var refusal: MarkdownLimits.Violation? = nil
}

extension MarkdownDocument {
  init(refusal: MarkdownLimits.Violation) {
    self.init(html: "", links: [], firstParagraph: "", plainText: "", refusal: refusal)
  }
}
