import Foundation

/// A topic's page: its stories and meetings.
extension PageRenderer {
  func tag(_ slug: Slug) -> OutputFile {
    guard let entry = tags.entries[slug] else { return notFound() }
    let occurrences = occurrences(ofTopic: slug)
    var view = View()
    view["tag"] = View(["name": entry.name])
    view["upcoming"] = occurrences.filter { $0.endInstant > site.now }.map(builder.eventCard)
    view["past"] = occurrences.filter { $0.endInstant <= site.now }.reversed().map(
      builder.eventCard)
    view["stories"] = entry.stories.map { builder.storyCard(site.stories[$0]) }
    view["networks"] = entry.networks.map { builder.networkCard(site.networks[$0]) }
    return output(
      template: "tag", path: urls.topic(slug), title: entry.name, description: nil, view: view)
  }

  /// The occurrences of the events that carry a topic, in order of start: its page and its
  /// embeddable list.
  func occurrences(ofTopic slug: Slug) -> [Occurrence] {
    // Each event's positions from the site's index, merged: not a scan of every occurrence.
    let events = Set(tags.entries[slug]?.events ?? [])
    return events.flatMap { site.occurrencePositions(ofEvent: $0) }.sorted().map {
      site.occurrences[$0]
    }
  }
}
