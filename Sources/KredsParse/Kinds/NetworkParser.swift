import Yams

/// `networks/<network>/index.md` (CONTENT.md, "Network").
package enum NetworkParser {
  package static let keys = [
    "title", "summary", "region", "organiser", "contact", "status", "founded", "links",
    "steering_committee", "tags", "image", "image_alt", "draft", "publish",
  ]

  package static func parse(_ root: Node, slug: Slug, context: ItemContext) -> Network? {
    guard let reader = context.reader(root, known: keys) else { return nil }
    let title = reader.text(
      "title", required: true, maxLength: 200,
      hint: "add the network's name, e.g. 'title: Grønt Industrinetværk'")
    let summary = reader.text(
      "summary", required: true, maxLength: 300,
      hint: "add one paragraph describing the network, e.g. 'summary: Et netværk for …'")
    let region = reader.text("region")
    let organiser = reader.organisation("organiser")
    let contact = reader.person("contact")
    let status = reader.choice("status", as: NetworkStatus.self)
    let founded = foundedDate(reader)
    let links = channelLinks(reader)
    let committee = reader.persons("steering_committee")
    let tags = reader.tags()
    let image = reader.image()
    let draft = reader.draft()
    reader.publish(in: context.defaultTimeZone)
    let body = context.takeBody()
    guard let title, let summary else { return nil }
    return Network(
      slug: slug, file: context.file, title: title, summary: summary, region: region,
      organiser: organiser, contact: contact, status: status ?? .active, founded: founded,
      links: links, steeringCommittee: committee, tags: tags, image: image, draft: draft, body: body
    )
  }

  private static func foundedDate(_ reader: MappingReader) -> FoundedDate? {
    guard let raw = reader.text("founded") else { return nil }
    if let date = LocalDate(parsing: raw) { return .day(date) }
    let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
    if parts.count == 1, parts[0].count == 4, let year = Int(parts[0]) { return .year(year) }
    if parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
      let month = Int(parts[1]), (1...12).contains(month)
    {
      return .month(year: year, month: month)
    }
    reader.sink.error(
      "'founded' must be a date (2019-03-01), a month (2019-03) or a year (2019), found '\(raw)'",
      at: reader.location(of: "founded"))
    return nil
  }

  private static func channelLinks(_ reader: MappingReader) -> [ChannelLink] {
    let kinds = ChannelLink.Kind.allCases
    guard
      let links = reader.mapping(
        "links", known: kinds.map(\.rawValue),
        example: "{website: https://example.dk/, linkedin: https://linkedin.example/…}")
    else { return [] }
    return kinds.compactMap { kind in
      links.url(kind.rawValue).map { ChannelLink(kind: kind, url: $0) }
    }
  }
}
