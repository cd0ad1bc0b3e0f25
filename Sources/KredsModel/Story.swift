/// A business the story is about.
public struct Company: Hashable, Sendable {
  public var name: String
  public var url: String?

  public init(name: String, url: String? = nil) {
    self.name = name
    self.url = url
  }
}

/// A success story or news item: `networks/<n>/stories/<slug>.md` or `stories/<slug>.md`.
public struct Story: Sendable {
  public var slug: Slug
  public var file: String
  public var title: String
  public var date: LocalDateTime
  public var summary: String?
  public var homeNetwork: Slug?
  public var listedNetworks: [Located<String>] = []
  public var author: String?
  public var companies: [Company] = []
  public var updated: LocalDateTime?
  public var tags: [String] = []
  public var image: Image?
  public var draft = false
  public var body: Body = .empty

  public init(slug: Slug, file: String, title: String, date: LocalDateTime) {
    self.slug = slug
    self.file = file
    self.title = title
    self.date = date
  }

  /// The summary for lists and feeds: the editor's, or the body's first paragraph.
  public var effectiveSummary: String { summary ?? body.firstParagraph }

}

extension Story: BelongsToNetworks {}
