import Yams

/// `stories/<slug>.md` and `networks/<n>/stories/<slug>.md` (CONTENT.md, "Story").
package enum StoryParser {
  package static let keys = [
    "title", "date", "summary", "networks", "author", "companies", "updated", "tags", "image",
    "image_alt", "draft", "publish",
  ]

  package static func parse(_ root: Node, slug: Slug, network: Slug?, context: ItemContext)
    -> Story?
  {
    guard let reader = context.reader(root, known: keys) else { return nil }
    let title = reader.text(
      "title", required: true, maxLength: 200,
      hint: "add the story's headline, e.g. 'title: Tømreren der halverede sit spild'")
    let date = reader.dateTime(
      "date", required: true, hint: "add the publication date, e.g. 'date: 2026-05-04'")
    let summary = reader.text("summary", maxLength: 300)
    let networks = reader.networkList()
    let author = reader.text("author")
    let companies = reader.mappingList(
      "companies", known: ["name", "url"],
      example: "[{name: Fynsk Stål A/S, url: https://example.dk/}]"
    ).compactMap { company -> Company? in
      let name = company.text("name", required: true, hint: "add the company's name")
      let url = company.url("url")
      return name.map { Company(name: $0, url: url) }
    }
    let updated = reader.dateTime("updated")
    let tags = reader.tags()
    let image = reader.image()
    let draft = reader.draft()
    reader.publish(in: context.defaultTimeZone)
    let body = context.takeBody()
    if let date, let updated, updated.value < date.value {
      reader.sink.error(
        "'updated' (\(updated.value)) is before 'date' (\(date.value))", at: updated.location)
    }
    guard let title, let date else { return nil }
    var story = Story(slug: slug, file: context.file, title: title, date: date.value)
    story.summary = summary
    story.homeNetwork = network
    story.listedNetworks = networks
    story.author = author
    story.companies = companies
    story.updated = updated?.value
    story.tags = tags
    story.image = image
    story.draft = draft
    story.body = body
    return story
  }
}
