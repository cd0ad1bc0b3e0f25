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
