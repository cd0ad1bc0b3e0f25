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
      let path = paths[index]
      switch files[index].item {
      case .settings(let value): settings = value
      case .network(let value): if keep(value.draft, path) { networks.append(value) }
      case .event(let value):
        if keep(value.draft, path) {
          events.append(value)
          expansions.append(files[index].expansion ?? EventExpansion(value))
        }
      case .story(let value): if keep(value.draft, path) { stories.append(value) }
      case .newsletter(let value): if keep(value.draft, path) { newsletters.append(value) }
      case .page(let value): if keep(value.draft, path) { pages.append(value) }
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

    var built = Site(settings: resolvedSettings, now: options.now, buildTime: options.buildTime)
    built.networks = networks
    built.events = events
    built.stories = stories
    built.newsletters = newsletters
    built.pages = pages
    built.media = media.sorted()

    // By index: `events.map` would copy each event.
    built.networkIndex = uniqueIndex(
      networks.indices.map { (networks[$0].slug, networks[$0].file) }, kind: "network")
    built.eventIndex = uniqueIndex(
      events.indices.map { (events[$0].slug, events[$0].file) }, kind: "event")
    built.storyIndex = uniqueIndex(
      stories.indices.map { (stories[$0].slug, stories[$0].file) }, kind: "story")
    built.pageIndex = uniqueIndex(
      pages.indices.map { (pages[$0].slug, pages[$0].file) }, kind: "page")

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

  /// Links between items, the networks they name, the media they use and the items newsletters
  /// select.
  mutating func resolveReferences(
    networks: [Network], events: [Event], stories: [Story], pages: [Page],
    newsletters: [Newsletter], site built: inout Site
  ) {
    // Items by index: a `for event in events` copies each event, and every string in it.
    itemsByPath.reserveCapacity(files.count)
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
    targets.reserveCapacity(files.count)
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
    index.reserveCapacity(items.count)
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
      var slashes = 0
      var first = path.utf8.endIndex
      var last = path.utf8.endIndex
      var index = path.utf8.index(path.utf8.startIndex, offsetBy: prefix.count)
      while index < path.utf8.endIndex {
        if path.utf8[index] == UInt8(ascii: "/") {
          slashes += 1
          if slashes > 2 { return nil }
          if slashes == 1 { first = index }
          last = index
        }
        index = path.utf8.index(after: index)
      }
      guard slashes > 0 else { return nil }
      let name = path[path.utf8.index(path.utf8.startIndex, offsetBy: prefix.count)..<first]
      let file = path[path.utf8.index(after: last)...]
      return (name, slashes + 2, file)
    }
    var declared: Set<Substring> = []
    var inFolders: [(folder: Substring, path: String)] = []
    for path in paths {
      guard let found = folder(path) else { continue }
      if found.parts == 3, found.file == "index.md" { declared.insert(found.name) }
      // The first file of each folder is enough: a folder's files are listed one after another.
      if found.parts == 4, inFolders.last?.folder != found.name {
        inFolders.append((found.name, path))
      }
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
  /// `expansions[i]` is `events[i]`'s, worked out when its file was parsed.
  static func expandOccurrences(_ expansions: [EventExpansion]) -> (
    occurrences: [Occurrence], diagnostics: [Diagnostic]
  ) {
    var all: [Occurrence] = []
    all.reserveCapacity(expansions.count)
    var diagnostics: [Diagnostic] = []
    for (index, expansion) in expansions.enumerated() {
      for var occurrence in expansion.occurrences {
        occurrence.eventIndex = index
        all.append(occurrence)
      }
      diagnostics += expansion.diagnostics
    }
    all.sort(byKey: { ($0.startInstant, $0.eventIndex, $0.ordinal) }, <)
    return (all, diagnostics)
  }

  mutating func warnAboutRegistration(_ site: Site) {
    let upcomingEvents = Set(
      site.occurrences.lazy.filter { $0.startInstant > site.now }.map(\.eventIndex))
    // By index, and no event copied: a copy retains every string in it.
    for index in site.events.indices where upcomingEvents.contains(index) {
      guard let deadline = site.events[index].registration?.deadline,
        site.events[index].status == .scheduled
      else {
        continue
      }
      let zone = site.events[index].timeZone
      let deadlineEnd =
        deadline.isWholeDay
        ? LocalDateTime(date: deadline.date.adding(days: 1), time: nil).instant(in: zone)
        : deadline.instant(in: zone)
      if deadlineEnd <= site.now {
        warning(
          site.events[index].file,
          site.events[index].registration?.deadlineLocation ?? .fileStart,
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
  ///
  /// Read as bytes, as the URL parser reads code points: a colon followed by a combining mark is
  /// still the end of the scheme, where a `Character` would join the two.
  static func of(_ written: String) -> String? {
    let destination = asBrowsersRead(written).utf8
    guard let colon = destination.firstIndex(of: UInt8(ascii: ":")) else { return nil }
    let scheme = destination[..<colon]
    func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    guard let first = scheme.first, isLetter(first),
      scheme.allSatisfy({
        isLetter($0) || (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E
      })
    else { return nil }
    return String(decoding: scheme.map { isLetter($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
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
