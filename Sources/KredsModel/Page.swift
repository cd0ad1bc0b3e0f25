/// A free page such as "about": `pages/<slug>.md`.
public struct Page: Sendable {
  public var slug: Slug
  public var file: String
  public var title: String
  public var summary: String?
  /// Position in the main menu; nil keeps the page out of the menu.
  public var menu: Int?
  public var draft = false
  public var body: Body = .empty

  public init(slug: Slug, file: String, title: String) {
    self.slug = slug
    self.file = file
    self.title = title
  }
}
