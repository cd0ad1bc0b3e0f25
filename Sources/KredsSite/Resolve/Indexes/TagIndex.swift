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
    // Most tags are written many times: each is made into a slug once.
    var slugOfTag: [String: Slug?] = [:]
    func add(_ tags: [String], _ update: (inout Entry) -> Void) {
      for tag in tags {
        let made: Slug?
        if let known = slugOfTag[tag] {
          made = known
        } else {
          made = Slug.make(from: tag)
          slugOfTag[tag] = made
        }
        guard let slug = made else { continue }
        update(&entries[slug, default: Entry(name: tag)])
      }
    }
    for (index, network) in site.networks.enumerated() {
      add(network.tags) { $0.networks.append(index) }
    }
    // By index: a `for event in site.events` copies each event, and every string in it.
    for index in site.events.indices { add(site.events[index].tags) { $0.events.append(index) } }
    for index in site.stories.indices {
      add(site.stories[index].tags) { $0.stories.append(index) }
    }
  }

  var slugs: [Slug] { entries.keys.sorted() }
}
