/// Topics (tags) gathered once from every item, so topic pages need no rescans.
struct TagIndex: Sendable {
  struct Entry: Sendable {
    var name: String
    var events: [Int] = []
    var stories: [Int] = []
    var networks: [Int] = []
  }

  /// By topic slug, first spelling wins.
  private(set) var entries: [Slug: Entry] = [:]

  init(site: Site) {
    func add(_ tags: [String], _ update: (inout Entry) -> Void) {
      for tag in tags {
        guard let slug = Slug.make(from: tag) else { continue }
        update(&entries[slug, default: Entry(name: tag)])
      }
    }
    for (index, network) in site.networks.enumerated() {
      add(network.tags) { $0.networks.append(index) }
    }
    for (index, event) in site.events.enumerated() { add(event.tags) { $0.events.append(index) } }
    for (index, story) in site.stories.enumerated() { add(story.tags) { $0.stories.append(index) } }
  }

  var slugs: [Slug] { entries.keys.sorted() }
}
