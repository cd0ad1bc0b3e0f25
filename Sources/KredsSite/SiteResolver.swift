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
    let siteFileSeen = files.contains { $0.path == "site.yaml" }

    for file in files {
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

    checkNetworkFolders(networks)
    networks.sort { ($0.title.lowercased(), $0.slug) < ($1.title.lowercased(), $1.slug) }
    events.sort { ($0.start, $0.slug) < ($1.start, $1.slug) }
    stories.sort { ($0.date, $0.slug) > ($1.date, $1.slug) }
    newsletters.sort { ($0.date, $0.slug) > ($1.date, $1.slug) }
    pages.sort {
      ($0.menu ?? Int.max, $0.title.lowercased(), $0.slug) < (
        $1.menu ?? Int.max, $1.title.lowercased(), $1.slug
      )
    }

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

    for network in networks { itemsByPath[network.file] = .network(network.slug, fragment: nil) }
    for event in events { itemsByPath[event.file] = .event(event.slug, fragment: nil) }
    for story in stories { itemsByPath[story.file] = .story(story.slug, fragment: nil) }
    for page in pages { itemsByPath[page.file] = .page(page.slug, fragment: nil) }
    for newsletter in newsletters {
      itemsByPath[newsletter.file] = .newsletter(
        network: newsletter.network, slug: newsletter.slug, fragment: nil)
    }

    // Files that failed to parse still exist: a link to one is not "missing".
    for file in files where itemsByPath[file.path] == nil && !draftPaths.contains(file.path) {
      if let target = LinkTarget(contentPath: file.path) { itemsByPath[file.path] = target }
    }
    let networkSlugs = Set(networks.map(\.slug))
    var targets: [String: [LinkTarget]] = [:]
    for file in files where !draftPaths.contains(file.path) {
      checkNetworks(file.references.networks, file: file.path, known: networkSlugs)
      for path in file.references.media { checkMediaPath(path, file: file.path) }
      if let body = file.references.body {
        targets[file.path] = resolveLinks(body, file: file.path)
      }
    }
    checkNewsletters(newsletters, site: built)
    built.linkTargets = targets

    built.occurrences = expandOccurrences(events)
    checkCalendarUIDs(built)
    warnAboutRegistration(built)
    site = settings == nil ? nil : built
  }

  /// Two events with one UID would be one event to a calendar app: the later one would replace
  /// the other in every subscriber's calendar.
  mutating func checkCalendarUIDs(_ site: Site) {
    var seen: [String: Event] = [:]
    for event in site.events {
      let uid = site.calendarUID(of: event)
      guard let earlier = seen[uid] else {
        seen[uid] = event
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
  mutating func checkNetworkFolders(_ networks: [Network]) {
    let declared = Set(
      files.compactMap { file -> String? in
        let parts = file.path.split(separator: "/")
        return parts.count == 3 && parts[0] == "networks" && parts[2] == "index.md"
          ? String(parts[1]) : nil
      })
    var reported: Set<String> = []
    for file in files {
      let parts = file.path.split(separator: "/")
      guard parts.count == 4, parts[0] == "networks" else { continue }
      let folder = String(parts[1])
      if !declared.contains(folder), reported.insert(folder).inserted {
        error(
          file.path, .fileStart,
          "the network folder '\(folder)' has no index.md; add networks/\(folder)/index.md with the network's 'title' and 'summary'"
        )
      }
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
    let candidates: [String]
    if kind == "story" {
      networksOfItem = slug.flatMap { site.storyIndex[$0] }.map { site.stories[$0].networkSlugs }
      candidates = site.stories.map(\.slug.rawValue)
    } else {
      networksOfItem = slug.flatMap { site.eventIndex[$0] }.map { site.events[$0].networkSlugs }
      candidates = site.events.map(\.slug.rawValue)
    }
    guard let networksOfItem else {
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
    let decoded = pathPart.removingPercentEncoding ?? pathPart
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

  mutating func expandOccurrences(_ events: [Event]) -> [Occurrence] {
    var all: [Occurrence] = []
    for (index, event) in events.enumerated() {
      switch event.occurrences(eventIndex: index) {
      case .success(let occurrences):
        all += occurrences
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
        let fix =
          first.map { "; the rule's first date is \($0): set 'start' to that day" }
          ?? "; the rule gives no date on or after 'start'"
        error(
          event.file, event.repetition?.location ?? .fileStart,
          "the event's start (\(event.start.date)) is not a date of its repeat rule, which calendar apps would show differently\(fix)"
        )
      case .failure(.tooManyOccurrences):
        error(
          event.file, event.repetition?.location ?? .fileStart,
          "the repeat rule makes more than \(RecurrenceExpander.maximumOccurrences) meetings; set COUNT or an earlier UNTIL"
        )
      }
    }
    return all.sorted {
      ($0.startInstant, $0.eventIndex, $0.ordinal) < ($1.startInstant, $1.eventIndex, $1.ordinal)
    }
  }

  mutating func warnAboutRegistration(_ site: Site) {
    for (index, event) in site.events.enumerated() {
      guard let deadline = event.registration?.deadline, event.status == .scheduled else {
        continue
      }
      let deadlineEnd =
        deadline.isWholeDay
        ? LocalDateTime(date: deadline.date.adding(days: 1), time: nil).instant(in: event.timeZone)
        : deadline.instant(in: event.timeZone)
      let upcoming = site.occurrences.contains {
        $0.eventIndex == index && $0.startInstant > site.now
      }
      if upcoming, deadlineEnd <= site.now {
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
