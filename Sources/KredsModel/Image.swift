/// An image from front matter: a media path and its alt text.
public struct Image: Hashable, Sendable {
  /// Relative to the content folder: `media/...`.
  public var path: Located<String>
  public var alt: String

  public init(path: Located<String>, alt: String) {
    self.path = path
    self.alt = alt
  }
}
