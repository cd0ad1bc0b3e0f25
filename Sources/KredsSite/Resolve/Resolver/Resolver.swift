import Foundation
import KredsCalendar

/// One resolve run: the parsed files, the diagnostics so far and the site being built.
struct Resolver {
  let files: [ParsedFile]
  /// The content path of each of `files`.
  let paths: [String]
  let options: SiteResolver.Options
  var diagnostics: [Diagnostic] = []
  var site: Site?

  /// Content paths of published items, for link resolution.
  var itemsByPath: [String: LinkTarget] = [:]
  /// Content paths of drafts left out, for a clearer message when something links to one.
  var draftPaths: Set<String> = []
  /// Content paths of items left out because their `publish:` time (or their network's) is
  /// after `now`: a link to one is a warning, and the build knows when it changes.
  var unpublished: [String: PublishTime] = [:]
  /// Items included by `--future` before their `publish:` time, for the page's marker.
  var scheduled: [String: PublishTime] = [:]
  /// Networks whose `publish:` time is after `now`: the items in their folders wait for them.
  lazy var pendingNetworks: [Slug: PublishTime] = findPendingNetworks()
  var mediaPaths: Set<String> = []
  /// Where each photo whose original holds a GPS position is used: one warning per photo.
  var locatedPhotoUses: [String: [Located<String>]] = [:]

  init(files: [ParsedFile], options: SiteResolver.Options) {
    self.files = files
    paths = files.map(\.path)
    self.options = options
  }

  mutating func error(_ file: String, _ location: SourceLocation, _ message: String) {
    diagnostics.append(
      Diagnostic(file: file, location: location, severity: .error, message: message))
  }

  mutating func warning(_ file: String, _ location: SourceLocation, _ message: String) {
    diagnostics.append(
      Diagnostic(file: file, location: location, severity: .warning, message: message))
  }

  mutating func run() {
    var settings: SiteSettings?
    var networks: [Network] = []
    var events: [Event] = []
    var expansions: [EventExpansion] = []
    var stories: [Story] = []
    var newsletters: [Newsletter] = []
    var pages: [Page] = []
    var media: [String] = []
    let siteFileSeen = paths.contains("site.yaml")

    // Room for every item at once: growing an array of events moves all of them each time.
    var counts = (events: 0, stories: 0)
    for index in files.indices {
      switch files[index].item {
      case .event: counts.events += 1
      case .story: counts.stories += 1
      default: break
      }
    }
    events.reserveCapacity(counts.events)
    expansions.reserveCapacity(counts.events)
    stories.reserveCapacity(counts.stories)
    // The item is switched on where it lies: a tuple of path and item would copy every item once
    // more, and every string in it.
    for index in files.indices {
      switch files[index].item {
      case .settings(let value): settings = value
      case .network(let value): if keep(value.draft, index) { networks.append(value) }
      case .event(let value):
        // Every parsed event has its expansion (``ParsedFile/expansion``).
        if keep(value.draft, index), let expansion = files[index].expansion {
          events.append(value)
          expansions.append(expansion)
        }
      case .story(let value): if keep(value.draft, index) { stories.append(value) }
      case .newsletter(let value): if keep(value.draft, index) { newsletters.append(value) }
      case .page(let value): if keep(value.draft, index) { pages.append(value) }
      case .media(let path): media.append(path)
      case nil: break
      }
    }
    if !siteFileSeen {
      error(
        "site.yaml", .fileStart,
        "the content folder has no site.yaml; create it with at least 'title:' and 'base_url:'")
    }
    var resolvedSettings =
      settings
      ?? SiteSettings(
        title: "", baseURL: "https://example.invalid/", timeZone: ContentParser.fallbackTimeZone)
    if let override = options.baseURLOverride {
      resolvedSettings = resolvedSettings.withBaseURL(override)
    }
    mediaPaths = Set(media)

    checkNetworkFolders()
    // Sorted by keys made once: comparing whole items would copy them at every step.
    networks.sort(byKey: { ($0.title.lowercased(), $0.slug) }, <)
    let eventOrder = sortingOrder(
      count: events.count, key: { [events] in events[$0].start },
      tieBreak: { [events] in events[$0].slug })
    events.permute(by: eventOrder)
    expansions.permute(by: eventOrder)
    stories.permute(
      by: sortingOrder(
        count: stories.count, key: { [stories] in stories[$0].date },
        tieBreak: { [stories] in stories[$0].slug }, descending: true))
    newsletters.permute(
      by: sortingOrder(
        count: newsletters.count, key: { [newsletters] in newsletters[$0].date },
        tieBreak: { [newsletters] in newsletters[$0].slug }, descending: true))
    pages.sort(byKey: { ($0.menu ?? Int.max, $0.title.lowercased(), $0.slug) }, <)

    // An explicit `sequence:` is a floor under the count of its time and place changes.
    for index in events.indices {
      if let changes = options.history.timeAndPlaceChanges[events[index].file] {
        events[index].sequence = max(events[index].sequence, changes)
      }
    }
    var built = Site(settings: resolvedSettings, now: options.now, buildTime: options.buildTime)
    built.pendingPublications = unpublished.map { (file: $0.key, instant: $0.value.instant) }
      .sorted { ($0.instant, $0.file) < ($1.instant, $1.file) }
    built.scheduled = scheduled
    built.lastCommitted = options.history.lastCommitted
    built.networks = networks
    built.events = events
    built.stories = stories
    built.newsletters = newsletters
    built.pages = pages
    built.media = media.sorted()

    // By index: `events.map` would copy each event.
    built.networkIndex = uniqueIndex(
      networks.indices.map { (networks[$0].slug, networks[$0].file) }, kind: .network)
    built.eventIndex = uniqueIndex(
      events.indices.map { (events[$0].slug, events[$0].file) }, kind: .event)
    built.storyIndex = uniqueIndex(
      stories.indices.map { (stories[$0].slug, stories[$0].file) }, kind: .story)
    built.pageIndex = uniqueIndex(
      pages.indices.map { (pages[$0].slug, pages[$0].file) }, kind: .page)

    // The events' meetings, expanded when their files were parsed, are put in order on another
    // core meanwhile: nothing below needs them until the calendar checks.
    let sortedExpansions = expansions
    let (expanded, _) = Parallel.both({ Resolver.expandOccurrences(sortedExpansions) }) {
      resolveReferences(
        networks: networks, events: events, stories: stories, pages: pages,
        newsletters: newsletters, site: &built)
    }
    diagnostics += expanded.diagnostics
    built.occurrences = expanded.occurrences
    for index in events.indices {
      for slug in events[index].networkSlugs {
        built.members[slug, default: .init()].events.append(index)
      }
    }
    for index in stories.indices {
      for slug in stories[index].networkSlugs {
        built.members[slug, default: .init()].stories.append(index)
      }
    }
    for index in newsletters.indices {
      if let slug = newsletters[index].network {
        built.members[slug, default: .init()].newsletters.append(index)
      }
    }
    checkCalendarUIDs(built)
    warnAboutRegistration(built)
    site = settings == nil ? nil : built
  }
}
