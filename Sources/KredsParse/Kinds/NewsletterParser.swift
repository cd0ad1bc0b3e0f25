import Foundation
import Yams

/// `newsletters/<slug>.md` and `networks/<n>/newsletters/<slug>.md` (CONTENT.md, "Newsletter").
package enum NewsletterParser {
  package static let keys = [
    "date", "title", "number", "preheader", "stories", "events", "exclude", "draft", "publish",
  ]

  package static func parse(_ root: Node, slug: Slug, network: Slug?, context: ItemContext)
    -> Newsletter?
  {
    guard let reader = context.reader(root, known: keys) else { return nil }
    let date = reader.date("date", required: true)
    let title = reader.text("title", maxLength: 200)
    let number = reader.integer("number", range: 1...Int.max)
    let preheader = reader.text("preheader", maxLength: 150)
    let stories = selection(reader, key: "stories", example: "[2026-05-tomreren-der-sparede]")
    let events = selection(reader, key: "events", example: "[2026-09-16-morgenmoede]")
    let exclude = reader.textList("exclude", example: "[story-slug, event-slug]")
    let draft = reader.draft()
    reader.publish(in: context.defaultTimeZone)
    let body = context.takeBody()
    guard let date else { return nil }
    var newsletter = Newsletter(slug: slug, file: context.file, network: network, date: date.value)
    newsletter.title = title
    newsletter.number = number
    newsletter.preheader = preheader
    newsletter.stories = stories
    newsletter.events = events
    newsletter.exclude = exclude
    newsletter.draft = draft
    newsletter.body = body
    return newsletter
  }

  /// `auto` or a list of slugs.
  private static func selection(_ reader: MappingReader, key: String, example: String) -> Selection
  {
    guard let node = reader.value(key) else { return .automatic }
    if case .scalar(let scalar) = node {
      if scalar.string.trimmingSpaces() == "auto" { return .automatic }
      reader.sink.error(
        "'\(key)' must be 'auto' or a list of slugs like \(example), found '\(scalar.string)'",
        at: reader.location(of: key))
      return .automatic
    }
    return .listed(reader.textList(key, example: example))
  }
}
