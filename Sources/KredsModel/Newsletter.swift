/// What a newsletter takes: the automatic selection, or the editor's list in order.
public enum Selection: Sendable, Hashable {
  case automatic
  case listed([Located<String>])
}

/// One newsletter issue: `networks/<n>/newsletters/<slug>.md` or `newsletters/<slug>.md`.
public struct Newsletter: Sendable {
  public var slug: Slug
  public var file: String
  /// Nil for a site-wide newsletter.
  public var network: Slug?
  public var date: LocalDate
  public var title: String?
  public var number: Located<Int>?
  public var preheader: String?
  public var stories: Selection = .automatic
  public var events: Selection = .automatic
  public var exclude: [Located<String>] = []
  public var draft = false
  public var body: Body = .empty

  public init(slug: Slug, file: String, network: Slug?, date: LocalDate) {
    self.slug = slug
    self.file = file
    self.network = network
    self.date = date
  }
}
