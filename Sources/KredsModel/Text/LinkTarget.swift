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
  /// An item not published yet (its `publish:` time is later): the link is left out and its
  /// text shown alone.
  case withheld
}
