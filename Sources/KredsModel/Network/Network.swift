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
