import Foundation
import KredsCalendar

/// The resolve step: checks everything that needs the whole site (references between files,
/// unique slugs, media that must exist, series expansion) and builds the ``Site``.
public enum SiteResolver {
  public struct Options: Sendable {
    public var now: Date
    public var buildTime: Date
    public var includeDrafts: Bool
    public var baseURLOverride: String?

    public init(
      now: Date, buildTime: Date? = nil, includeDrafts: Bool = false, baseURLOverride: String? = nil
    ) {
      self.now = now
      self.buildTime = buildTime ?? now
      self.includeDrafts = includeDrafts
      self.baseURLOverride = baseURLOverride
    }
  }

  /// The site, or nil when there are errors; the diagnostics of the parse and resolve steps
  /// together, sorted.
  public static func resolve(_ files: [ParsedFile], options: Options) -> (
    site: Site?, diagnostics: [Diagnostic]
  ) {
    var resolver = Resolver(files: files, options: options)
    resolver.run()
    let diagnostics = (files.flatMap(\.diagnostics) + resolver.diagnostics).sorted()
    guard !diagnostics.containsErrors else { return (nil, diagnostics) }
    return (resolver.site, diagnostics)
  }
}

private struct Resolver {
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
  var mediaPaths: Set<String> = []

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
    var stories: [Story] = []
    var newsletters: [Newsletter] = []
    var pages: [Page] = []
    var media: [String] = []
    let siteFileSeen = paths.contains("site.yaml")

    for index in files.indices {
      let file = (path: paths[index], item: files[index].item)
      switch file.item {
      case .settings(let value): settings = value
      case .network(let value): if keep(value.draft, file.path) { networks.append(value) }
      case .event(let value): if keep(value.draft, file.path) { events.append(value) }
      case .story(let value): if keep(value.draft, file.path) { stories.append(value) }
      case .newsletter(let value): if keep(value.draft, file.path) { newsletters.append(value) }
      case .page(let value): if keep(value.draft, file.path) { pages.append(value) }
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
    events.sort(byKey: { ($0.start, $0.slug) }, <)
    stories.sort(byKey: { ($0.date, $0.slug) }, >)
    newsletters.sort(byKey: { ($0.date, $0.slug) }, >)
    pages.sort(byKey: { ($0.menu ?? Int.max, $0.title.lowercased(), $0.slug) }, <)

    var built = Site(settings: resolvedSettings, now: options.now, buildTime: options.buildTime)
    built.networks = networks
    built.events = events
    built.stories = stories
    built.newsletters = newsletters
    built.pages = pages
    built.media = media.sorted()

    built.networkIndex = uniqueIndex(networks.map { ($0.slug, $0.file) }, kind: "network")
    built.eventIndex = uniqueIndex(events.map { ($0.slug, $0.file) }, kind: "event")
    built.storyIndex = uniqueIndex(stories.map { ($0.slug, $0.file) }, kind: "story")
    built.pageIndex = uniqueIndex(pages.map { ($0.slug, $0.file) }, kind: "page")

    // The meetings of the events are worked out on another core meanwhile: nothing below
    // needs them until the calendar checks.
    let sortedEvents = events
    let (expanded, _) = Parallel.both({ Resolver.expandOccurrences(sortedEvents) }) {
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
    checkCalendarUIDs(built)
    warnAboutRegistration(built)
    site = settings == nil ? nil : built
  }

  /// Links between items, the networks they name, the media they use and the items newsletters
  /// select.
  mutating func resolveReferences(
    networks: [Network], events: [Event], stories: [Story], pages: [Page],
    newsletters: [Newsletter], site built: inout Site
  ) {
    // Items by index: a `for event in events` copies each event, and every string in it.
    for index in networks.indices {
      itemsByPath[networks[index].file] = .network(networks[index].slug, fragment: nil)
    }
    for index in events.indices {
      itemsByPath[events[index].file] = .event(events[index].slug, fragment: nil)
    }
    for index in stories.indices {
      itemsByPath[stories[index].file] = .story(stories[index].slug, fragment: nil)
    }
    for page in pages { itemsByPath[page.file] = .page(page.slug, fragment: nil) }
    for newsletter in newsletters {
      itemsByPath[newsletter.file] = .newsletter(
        network: newsletter.network, slug: newsletter.slug, fragment: nil)
    }

    // Files that failed to parse still exist: a link to one is not "missing".
    // Loops go by index: a `for file in files` copies each parsed file, item and all.
    for path in paths where itemsByPath[path] == nil && !draftPaths.contains(path) {
      if let target = LinkTarget(contentPath: path) { itemsByPath[path] = target }
    }
    let networkSlugs = Set(networks.map(\.slug))
    var targets: [String: [LinkTarget]] = [:]
    for index in files.indices where !draftPaths.contains(paths[index]) {
      let path = paths[index]
      checkNetworks(files[index].references.networks, file: path, known: networkSlugs)
      for media in files[index].references.media { checkMediaPath(media, file: path) }
      if let body = files[index].references.body {
        targets[path] = resolveLinks(body, file: path)
      }
    }
    checkNewsletters(newsletters, site: built)
    built.linkTargets = targets
  }

  /// Two events with one UID would be one event to a calendar app: the later one would replace
  /// the other in every subscriber's calendar.
  mutating func checkCalendarUIDs(_ site: Site) {
    // Two default uids only collide when the slugs do, which is reported already: without a
    // written uid there is nothing to check.
    guard site.events.contains(where: { $0.uid != nil }) else { return }
    var seen: [String: (file: String, uid: String?)] = [:]
    let host = site.settings.host
    for event in site.events {
      let uid = Site.calendarUID(of: event, host: host)
      guard let earlier = seen[uid] else {
        seen[uid] = (event.file, event.uid)
        continue
      }
      // Two default uids only collide when the slugs do, which is reported already.
      if event.uid == nil, earlier.uid == nil { continue }
      error(
        event.file, event.uidLocation ?? .fileStart,
        "the calendar uid '\(uid)' is also the uid of \(earlier.file); calendar apps would treat the two events as one, so give each event its own 'uid' (or remove 'uid' to use the default)"
      )
    }
  }

  mutating func keep(_ draft: Bool, _ path: String) -> Bool {
    if draft, !options.includeDrafts {
      draftPaths.insert(path)
      return false
    }
    return true
  }

  mutating func uniqueIndex(_ items: [(Slug, String)], kind: String) -> [Slug: Int] {
    var index: [Slug: Int] = [:]
    for (position, (slug, file)) in items.enumerated() {
      if let existing = index[slug] {
        error(
          file, .fileStart,
          "the \(kind) slug '\(slug)' is also used by \(items[existing].1); \(kind) slugs must be unique across the site, so rename one of the files"
        )
      } else {
        index[slug] = position
      }
    }
    return index
  }

  /// A network folder needs its index.md.
  mutating func checkNetworkFolders() {
    // The folder of a path below networks/ with three or four parts, and the number of parts,
    // found in one pass over the bytes: most paths have other lengths, and splitting every
    // path would cost more than all the rest of the check.
    func folder(_ path: String) -> (name: Substring, parts: Int, file: Substring)? {
      let prefix = "networks/".utf8
      guard path.utf8.starts(with: prefix) else { return nil }
      var slashes: [String.Index] = []
      var index = path.utf8.index(path.utf8.startIndex, offsetBy: prefix.count)
      while index < path.utf8.endIndex {
        if path.utf8[index] == UInt8(ascii: "/") {
          slashes.append(index)
          if slashes.count > 2 { return nil }
        }
        index = path.utf8.index(after: index)
      }
      guard let first = slashes.first else { return nil }
      let name = path[path.utf8.index(path.utf8.startIndex, offsetBy: prefix.count)..<first]
      let file = path[path.utf8.index(after: slashes[slashes.count - 1])...]
      return (name, slashes.count + 2, file)
    }
    var declared: Set<Substring> = []
    var inFolders: [(folder: Substring, path: String)] = []
    for path in paths {
      guard let found = folder(path) else { continue }
      if found.parts == 3, found.file == "index.md" { declared.insert(found.name) }
      if found.parts == 4 { inFolders.append((found.name, path)) }
    }
    var reported: Set<Substring> = []
    for (folder, path) in inFolders
    where !declared.contains(folder) && reported.insert(folder).inserted {
      error(
        path, .fileStart,
        "the network folder '\(folder)' has no index.md; add networks/\(folder)/index.md with the network's 'title' and 'summary'"
      )
    }
  }

  mutating func checkNetworks(_ listed: [Located<String>], file: String, known: Set<Slug>) {
    for reference in listed {
      if let slug = Slug(reference.value), known.contains(slug) { continue }
      error(
        file, reference.location,
        "network '\(reference.value)' does not exist"
          + Suggestion.didYouMean(reference.value, among: known.map(\.rawValue).sorted()))
    }
  }

  mutating func checkMediaPath(_ path: Located<String>, file: String) {
    guard !mediaPaths.contains(path.value) else { return }
    error(
      file, path.location,
      "the file '\(path.value)' does not exist in the content folder"
        + Suggestion.didYouMean(path: path.value, among: mediaPaths))
  }

  mutating func checkNewsletters(_ newsletters: [Newsletter], site: Site) {
    var numbers: [String: [Int: String]] = [:]
    for newsletter in newsletters.sorted(by: { $0.file < $1.file }) {
      let scope = newsletter.network?.rawValue ?? ""
      if let number = newsletter.number {
        if let other = numbers[scope]?[number.value] {
          error(
            newsletter.file, number.location,
            "newsletter number \(number.value) is also used by \(other); give this issue another number"
          )
        } else {
          numbers[scope, default: [:]][number.value] = newsletter.file
        }
      }
      if newsletter.network == nil, site.networkIndex[newsletter.slug] != nil {
        error(
          newsletter.file, .fileStart,
          "the site-wide newsletter '\(newsletter.slug)' has the name of a network, whose newsletters live at that address; rename the file"
        )
      }
      if let network = newsletter.network, site.networkIndex[network] == nil { continue }
      let storyScope = newsletter.network
      if case .listed(let slugs) = newsletter.stories {
        for slug in slugs {
          checkSelected(slug, kind: "story", in: newsletter, site: site, network: storyScope)
        }
      }
      if case .listed(let slugs) = newsletter.events {
        for slug in slugs {
          checkSelected(slug, kind: "event", in: newsletter, site: site, network: storyScope)
        }
      }
      for slug in newsletter.exclude {
        let isStory = Slug(slug.value).flatMap { site.storyIndex[$0] } != nil
        checkSelected(
          slug, kind: isStory ? "story" : "event", in: newsletter, site: site, network: storyScope)
      }
    }
  }

  mutating func checkSelected(
    _ reference: Located<String>, kind: String, in newsletter: Newsletter, site: Site,
    network: Slug?
  ) {
    let slug = Slug(reference.value)
    let networksOfItem: [Slug]?
    if kind == "story" {
      networksOfItem = slug.flatMap { site.storyIndex[$0] }.map { site.stories[$0].networkSlugs }
    } else {
      networksOfItem = slug.flatMap { site.eventIndex[$0] }.map { site.events[$0].networkSlugs }
    }
    guard let networksOfItem else {
      let candidates =
        kind == "story" ? site.stories.map(\.slug.rawValue) : site.events.map(\.slug.rawValue)
      let both = newsletter.exclude.contains(reference) ? "story or event" : kind
      error(
        newsletter.file, reference.location,
        "\(both) '\(reference.value)' does not exist"
          + Suggestion.didYouMean(reference.value, among: candidates))
      return
    }
    if let network, !networksOfItem.contains(network) {
      error(
        newsletter.file, reference.location,
        "\(kind) '\(reference.value)' belongs to \(networksOfItem.map { "'\($0)'" }.joined(separator: ", ")), not to this newsletter's network '\(network)'"
      )
    }
  }

  // MARK: Body links

  mutating func resolveLinks(_ body: Body, file: String) -> [LinkTarget] {
    body.links.map { resolve($0, file: file) }
  }

  mutating func resolve(_ link: BodyLink, file: String) -> LinkTarget {
    // Problems a link has on its own (scheme, alt text) were reported by the parse step.
    let destination = link.destination
    if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//")
      || LinkScheme.of(destination) != nil
    {
      return .external(destination)
    }

    var pathPart = destination
    var fragment: String?
    if let hash = pathPart.firstIndex(of: "#") {
      fragment = String(pathPart[pathPart.index(after: hash)...])
      pathPart = String(pathPart[..<hash])
    }
    if pathPart.contains("?") {
      error(
        file, link.location,
        "a link to a file of the site cannot have a query ('?'); remove it from '\(destination)'")
      return .external(destination)
    }
    let decoded =
      pathPart.utf8.contains(UInt8(ascii: "%"))
      ? pathPart.removingPercentEncoding ?? pathPart : pathPart
    guard let path = LinkScheme.normalise(decoded, relativeTo: file) else {
      error(
        file, link.location,
        "'\(destination)' points outside the content folder; link to content files or to files in media/"
      )
      return .external(destination)
    }
    if path.hasPrefix("media/") {
      if mediaPaths.contains(path) { return .media(path) }
      error(
        file, link.location,
        "'\(destination)' points at \(path), which does not exist"
          + Suggestion.didYouMean(path: path, among: mediaPaths))
      return .external(destination)
    }
    if link.isImage {
      error(
        file, link.location,
        "the image '\(destination)' must be a file in media/ or an https:// address")
      return .external(destination)
    }
    if path.hasSuffix(".md") {
      if let target = itemsByPath[path] { return target.with(fragment: fragment) }
      if draftPaths.contains(path) {
        error(
          file, link.location,
          "'\(destination)' links to \(path), which is a draft and is not published; remove the link or publish the draft"
        )
      } else {
        error(
          file, link.location,
          "'\(destination)' links to \(path), which does not exist"
            + Suggestion.didYouMean(path: path, among: Set(itemsByPath.keys)))
      }
      return .external(destination)
    }
    error(
      file, link.location,
      "'\(destination)' is not a content file (.md) or a file in media/; link to one of those or to a full https:// address"
    )
    return .external(destination)
  }

  // MARK: Events

  /// Every meeting of every event, in order, with the problems of the events' repeat rules.
  static func expandOccurrences(_ events: [Event]) -> (
    occurrences: [Occurrence], diagnostics: [Diagnostic]
  ) {
    var diagnostics: [Diagnostic] = []
    func warning(_ file: String, _ location: SourceLocation, _ message: String) {
      diagnostics.append(
        Diagnostic(file: file, location: location, severity: .warning, message: message))
    }
    func error(_ file: String, _ location: SourceLocation, _ message: String) {
      diagnostics.append(
        Diagnostic(file: file, location: location, severity: .error, message: message))
    }
    var all: [Occurrence] = []
    all.reserveCapacity(events.count)
    // By index, and the event itself only where a message needs it: a copy of an event retains
    // every string in it.
    for index in events.indices {
      switch events[index].occurrences(eventIndex: index) {
      case .success(let occurrences):
        all += occurrences
        guard events[index].repetition != nil else { continue }
        let event = events[index]
        if let repetition = event.repetition,
          case .success(let ruleDates) = RecurrenceExpander.dates(
            of: repetition.rule, start: event.start, timeZone: event.timeZone)
        {
          let dates = Set(ruleDates)
          for (position, exception) in repetition.exceptions.enumerated()
          where !dates.contains(exception) {
            let at =
              repetition.exceptionLocations.indices.contains(position)
              ? repetition.exceptionLocations[position] : repetition.location
            warning(
              event.file, at,
              "'repeat.except' lists \(exception), which is not one of the series' dates; remove it"
            )
          }
        }
      case .failure(.startNotInRule(let first)):
        let event = events[index]
        let fix =
          first.map { "; the rule's first date is \($0): set 'start' to that day" }
          ?? "; the rule gives no date on or after 'start'"
        error(
          event.file, event.repetition?.location ?? .fileStart,
          "the event's start (\(event.start.date)) is not a date of its repeat rule, which calendar apps would show differently\(fix)"
        )
      case .failure(.tooManyOccurrences):
        let event = events[index]
        error(
          event.file, event.repetition?.location ?? .fileStart,
          "the repeat rule makes more than \(RecurrenceExpander.maximumOccurrences) meetings; set COUNT or an earlier UNTIL"
        )
      }
    }
    all.sort(byKey: { ($0.startInstant, $0.eventIndex, $0.ordinal) }, <)
    return (all, diagnostics)
  }

  mutating func warnAboutRegistration(_ site: Site) {
    let upcomingEvents = Set(
      site.occurrences.lazy.filter { $0.startInstant > site.now }.map(\.eventIndex))
    for (index, event) in site.events.enumerated() {
      guard let deadline = event.registration?.deadline, event.status == .scheduled else {
        continue
      }
      let deadlineEnd =
        deadline.isWholeDay
        ? LocalDateTime(date: deadline.date.adding(days: 1), time: nil).instant(in: event.timeZone)
        : deadline.instant(in: event.timeZone)
      if upcomingEvents.contains(index), deadlineEnd <= site.now {
        warning(
          event.file, event.registration?.deadlineLocation ?? .fileStart,
          "the registration deadline \(deadline) has passed for this upcoming event; the page shows registration as closed"
        )
      }
    }
  }
}

extension LinkTarget {
  /// Where a content file's page is, judged from its path alone.
  init?(contentPath: String) {
    switch ContentPath.classify(contentPath) {
    case .page(let slug):
      guard let slug = Slug(slug) else { return nil }
      self = .page(slug, fragment: nil)
    case .network(let slug):
      guard let slug = Slug(slug) else { return nil }
      self = .network(slug, fragment: nil)
    case .event(_, let slug):
      guard let slug = Slug(slug) else { return nil }
      self = .event(slug, fragment: nil)
    case .story(_, let slug):
      guard let slug = Slug(slug) else { return nil }
      self = .story(slug, fragment: nil)
    case .newsletter(let network, let slug):
      guard let slug = Slug(slug) else { return nil }
      self = .newsletter(network: network.flatMap(Slug.init), slug: slug, fragment: nil)
    case .settings, .media, .stray: return nil
    }
  }

  func with(fragment: String?) -> LinkTarget {
    switch self {
    case .network(let slug, _): return .network(slug, fragment: fragment)
    case .event(let slug, _): return .event(slug, fragment: fragment)
    case .story(let slug, _): return .story(slug, fragment: fragment)
    case .page(let slug, _): return .page(slug, fragment: fragment)
    case .newsletter(let network, let slug, _):
      return .newsletter(network: network, slug: slug, fragment: fragment)
    case .external, .media: return self
    }
  }
}

extension SiteSettings {
  func withBaseURL(_ url: String) -> SiteSettings {
    var copy = SiteSettings(title: title, baseURL: url, timeZone: timeZone)
    copy.language = language
    copy.description = description
    copy.organisation = organisation
    copy.newsletterUpcomingDays = newsletterUpcomingDays
    copy.newsletterUnsubscribe = newsletterUnsubscribe
    copy.postalAddress = postalAddress
    copy.unsafeHTML = unsafeHTML
    return copy
  }
}

/// Reading link destinations.
enum LinkScheme {
  /// Schemes that run code or smuggle a document in, never allowed where a link is written.
  static let forbidden: Set<String> = ["javascript", "vbscript", "data", "file"]

  /// `text` as a browser reads it before it looks for the scheme (the WHATWG URL parser): tabs
  /// and line breaks removed anywhere, spaces and control characters at the ends.
  static func asBrowsersRead(_ text: String) -> String {
    // Most destinations have nothing to remove, and building a new string costs more than looking.
    if let first = text.utf8.first, first > 0x20, let last = text.utf8.last, last > 0x20,
      !text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
    {
      return text
    }
    var result = ""
    result.unicodeScalars.append(
      contentsOf: text.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
    return result.trimmingCharacters(in: CharacterSet(charactersIn: "\u{0}"..."\u{20}"))
  }

  /// The lower-cased scheme of an absolute URL (`https`, `mailto`), or nil for a path, read as a
  /// browser reads it, so `java&#9;script:` or ` javascript:` is a `javascript` link.
  static func of(_ written: String) -> String? {
    let destination = asBrowsersRead(written)
    guard let colon = destination.firstIndex(of: ":") else { return nil }
    let scheme = destination[..<colon]
    guard let first = scheme.first, first.isASCII, first.isLetter,
      scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
    else { return nil }
    return scheme.lowercased()
  }

  /// A path written in `file`'s body, as a path relative to the content folder: `/x` from the
  /// content root, anything else from the file's folder. Nil when it leaves the content folder.
  static func normalise(_ path: String, relativeTo file: String) -> String? {
    var segments: [Substring] = path.hasPrefix("/") ? [] : file.split(separator: "/").dropLast()
    for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch segment {
      case ".": continue
      case "..":
        if segments.isEmpty { return nil }
        segments.removeLast()
      default: segments.append(segment)
      }
    }
    return segments.joined(separator: "/")
  }
}

extension Array {
  /// Sorts by a key computed once per element, keeping the order of equal keys (like `sort`,
  /// which is stable in Swift 5 and later).
  mutating func sort<Key>(byKey key: (Element) -> Key, _ areInIncreasingOrder: (Key, Key) -> Bool) {
    // Keys read through the buffer, which lends each element: `map` would copy it.
    let keys = withUnsafeBufferPointer { buffer in buffer.indices.map { key(buffer[$0]) } }
    let order = indices.sorted { areInIncreasingOrder(keys[$0], keys[$1]) }
    // Elements are swapped along the cycles of the permutation: a swap moves an element, where
    // building a new array would copy it (and retain every string in it).
    var placed = [Bool](repeating: false, count: count)
    withUnsafeMutableBufferPointer { buffer in
      for start in buffer.indices where !placed[start] {
        var current = start
        placed[current] = true
        while order[current] != start {
          buffer.swapAt(current, order[current])
          current = order[current]
          placed[current] = true
        }
      }
    }
  }
}
