/// Where a link or image in a Markdown body leads, once the whole site is known.
public enum LinkTarget: Hashable, Sendable {
  /// An absolute URL, `mailto:`, `tel:` or a fragment: written as the editor wrote it.
  case external(String)
  case network(Slug, fragment: String?)
  case event(Slug, fragment: String?)
  case story(Slug, fragment: String?)
  case page(Slug, fragment: String?)
  case newsletter(network: Slug?, slug: Slug, fragment: String?)
  /// A file under `media/`, as a path relative to the content folder (`media/x/y.pdf`).
  case media(String)
}

/// A link or image destination found in a Markdown body, before it is resolved.
public struct BodyLink: Hashable, Sendable {
  public var destination: String
  public var isImage: Bool
  /// The image's alt text (empty when missing); nil for links.
  public var altText: String?
  public var location: SourceLocation

  public init(destination: String, isImage: Bool, altText: String?, location: SourceLocation) {
    self.destination = destination
    self.isImage = isImage
    self.altText = altText
    self.location = location
  }
}

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
}
