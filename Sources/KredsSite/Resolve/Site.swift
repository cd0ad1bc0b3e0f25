import Foundation

/// The whole site after the resolve step: validated, cross-linked and indexed, ready to render.
public struct Site: Sendable {
  public var settings: SiteSettings
  /// By title.
  public var networks: [Network]
  /// By start.
  public var events: [Event]
  /// Newest first.
  public var stories: [Story]
  /// Newest first.
  public var newsletters: [Newsletter] {
    didSet { previousIssues = Self.previousIssues(of: newsletters) }
  }
  /// For each newsletter's file, the position in ``newsletters`` of the issue before it, so
  /// that an issue does not look through every issue of the site for it.
  private var previousIssues: [String: Int] = [:]
  /// By menu position, then title.
  public var pages: [Page]
  /// Media paths relative to the content folder, sorted.
  public var media: [String]
  /// What reading each file of ``media`` found (images and drawings; nothing for other files).
  public var mediaFacts: [String: MediaFacts] = [:]
  /// Media a page shows as a picture (`image:`, `![…](…)`): published as variants.
  public var displayedImages: Set<String> = []
  /// Media linked as a file to open or download: published whole.
  public var downloadedMedia: Set<String> = []
  /// Every occurrence of every event, by start instant.
  public var occurrences: [Occurrence] {
    didSet { occurrencesByEvent = OccurrenceIndex(occurrences, eventCount: events.count) }
  }
  /// Positions in ``occurrences`` of each event's occurrences, so that a page or feed of one
  /// event does not scan every occurrence of the site.
  private var occurrencesByEvent = OccurrenceIndex([], eventCount: 0)
  /// The time upcoming and past are judged by.
  public var now: Date
  /// When the site was built: `SOURCE_DATE_EPOCH` when set, else the clock. Used where output
  /// states its own age (a feed with no entries, calendar DTSTAMPs), never for upcoming/past.
  public var buildTime: Date
  /// Items waiting for their `publish:` time, soonest first: the build changes when each comes.
  public var pendingPublications: [(file: String, instant: Date)] = []
  /// Items shown before their `publish:` time (`--future`), by file, with that time.
  public var scheduled: [String: PublishTime] = [:]
  /// The time of each file's last commit, when the content is in git (``ContentHistory``).
  public var lastCommitted: [String: Date] = [:]

  /// The events and stories of each network, so that a network's pages and feeds do not scan
  /// every item of the site.
  public var members: [Slug: NetworkMembers] = [:]
  public var networkIndex: [Slug: Int] = [:]
  public var eventIndex: [Slug: Int] = [:]
  public var storyIndex: [Slug: Int] = [:]
  public var pageIndex: [Slug: Int] = [:]
  /// Resolved destinations of each item's body links, keyed by the item's file path, in the
  /// order of ``Body/links``.
  public var linkTargets: [String: [LinkTarget]] = [:]
  /// The origins (`https://host`) of the pictures that bodies show from other sites, sorted:
  /// the pages' Content Security Policy lets these load and no other.
  public var externalImageOrigins: [String] = []

  /// The variants of a raster image in `media/` that the site shows; nil for anything else
  /// (a drawing, an animation, a missing file).
  public func responsiveImage(_ path: String) -> ResponsiveImage? {
    guard case .raster(let image)? = mediaFacts[path], !image.isAnimated else { return nil }
    return ResponsiveImage(source: path, image: image)
  }

  /// When the item in `file` last changed: its last commit, but never before `earliest` (an item
  /// committed before its own date), and `earliest` without history.
  public func lastChanged(file: String, notBefore earliest: Date) -> Date {
    lastCommitted[file].map { max($0, earliest) } ?? earliest
  }

  init(settings: SiteSettings, now: Date, buildTime: Date) {
    self.settings = settings
    self.networks = []
    self.events = []
    self.stories = []
    self.newsletters = []
    self.pages = []
    self.media = []
    self.occurrences = []
    self.now = now
    self.buildTime = buildTime
  }

  /// Occurrences that have not ended by `now`, soonest first.
  public var upcomingOccurrences: [Occurrence] { occurrences.filter { $0.endInstant > now } }

  /// Occurrences that have ended, most recent first.
  public var pastOccurrences: [Occurrence] {
    occurrences.filter { $0.endInstant <= now }.reversed()
  }

  public func event(of occurrence: Occurrence) -> Event { events[occurrence.eventIndex] }

  /// The occurrences of the event at `eventIndex`, in order.
  public func occurrences(ofEvent eventIndex: Int) -> [Occurrence] {
    occurrencesByEvent.positions(ofEvent: eventIndex).map { occurrences[$0] }
  }

  /// Positions in ``occurrences`` of the event's occurrences, ascending.
  public func occurrencePositions(ofEvent eventIndex: Int) -> ArraySlice<Int> {
    occurrencesByEvent.positions(ofEvent: eventIndex)
  }

  /// Whether the event at `eventIndex` has any occurrence (one with none has no calendar file).
  public func hasOccurrences(ofEvent eventIndex: Int) -> Bool {
    !occurrencesByEvent.positions(ofEvent: eventIndex).isEmpty
  }

  public func network(_ slug: Slug) -> Network? { networkIndex[slug].map { networks[$0] } }

  /// The network's newsletter issues, newest first.
  public func newsletters(ofNetwork slug: Slug) -> [Newsletter] {
    (members[slug]?.newsletters ?? []).map { newsletters[$0] }
  }

  /// The network's occurrences that have not ended by `now`, soonest first.
  func upcomingOccurrences(ofNetwork slug: Slug) -> [Occurrence] {
    occurrencePositions(of: members[slug] ?? NetworkMembers()).lazy.map { self.occurrences[$0] }
      .filter { $0.endInstant > self.now }
  }

  /// Positions in ``occurrences`` of the occurrences of the network's events, ascending.
  func occurrencePositions(of members: NetworkMembers) -> [Int] {
    members.events.flatMap { occurrencePositions(ofEvent: $0) }.sorted()
  }

  /// The issue before `newsletter` in the same network (or among the site-wide issues): the
  /// latest one dated before it, by date and then slug.
  func previousIssue(of newsletter: Newsletter) -> Newsletter? {
    previousIssues[newsletter.file].map { newsletters[$0] }
  }

  private static func previousIssues(of newsletters: [Newsletter]) -> [String: Int] {
    var byNetwork: [Slug?: [Int]] = [:]
    for index in newsletters.indices {
      byNetwork[newsletters[index].network, default: []].append(index)
    }
    var previous: [String: Int] = [:]
    for var issues in byNetwork.values {
      issues.sort {
        (newsletters[$0].date, newsletters[$0].slug.rawValue)
          < (newsletters[$1].date, newsletters[$1].slug.rawValue)
      }
      for (earlier, later) in zip(issues, issues.dropFirst()) {
        previous[newsletters[later].file] = earlier
      }
    }
    return previous
  }
}
