/// Whether a network still meets.
public enum NetworkStatus: String, Sendable, Hashable, CaseIterable {
  case active, paused, ended
}

/// When a network started: a full date, a month or a year.
public enum FoundedDate: Hashable, Sendable {
  case year(Int)
  case month(year: Int, month: Int)
  case day(LocalDate)
}

/// A local business network: `networks/<slug>/index.md`.
public struct Network: Sendable {
  public var slug: Slug
  public var file: String
  public var title: String
  public var summary: String
  public var region: String?
  public var organiser: Organisation?
  public var contact: Person?
  public var status: NetworkStatus
  public var founded: FoundedDate?
  /// The network's own channels, in the order `website`, `facebook`, `linkedin`.
  public var links: [ChannelLink]
  public var steeringCommittee: [Person]
  public var tags: [String]
  public var image: Image?
  public var draft: Bool
  public var body: Body

  public init(
    slug: Slug, file: String, title: String, summary: String, region: String? = nil,
    organiser: Organisation? = nil, contact: Person? = nil, status: NetworkStatus = .active,
    founded: FoundedDate? = nil, links: [ChannelLink] = [],
    steeringCommittee: [Person] = [], tags: [String] = [], image: Image? = nil, draft: Bool = false,
    body: Body = .empty
  ) {
    self.slug = slug
    self.file = file
    self.title = title
    self.summary = summary
    self.region = region
    self.organiser = organiser
    self.contact = contact
    self.status = status
    self.founded = founded
    self.links = links
    self.steeringCommittee = steeringCommittee
    self.tags = tags
    self.image = image
    self.draft = draft
    self.body = body
  }
}

/// One of a network's own channels.
public struct ChannelLink: Hashable, Sendable {
  /// `website`, `facebook` or `linkedin`.
  public var kind: String
  public var url: String

  public init(kind: String, url: String) {
    self.kind = kind
    self.url = url
  }
}

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
