import Foundation

/// A meeting or event: `networks/<n>/events/<slug>.md` or `events/<slug>.md`.
public struct Event: Sendable {
  public var slug: Slug
  public var file: String
  public var title: String
  public var start: LocalDateTime
  /// As written; nil means the default (two hours later, or the same day).
  public var end: LocalDateTime?
  public var timeZone: TimeZone
  public var summary: String?
  /// The network whose folder holds the file, if any.
  public var homeNetwork: Slug?
  /// Networks listed in `networks:`, checked against the site in the resolve step.
  public var listedNetworks: [Located<String>] = []
  public var location: Location?
  public var online: OnlineAccess?
  public var registration: Registration?
  public var contact: Person?
  public var speakers: [Person] = []
  public var agenda: [AgendaItem] = []
  public var attachments: [Attachment] = []
  public var status: EventStatus = .scheduled
  public var repetition: Repetition?
  public var uid: String?
  /// Where `uid` is written, for diagnostics.
  public var uidLocation: SourceLocation?
  public var sequence: Int = 0
  public var updated: LocalDateTime?
  public var tags: [String] = []
  public var image: Image?
  public var draft = false
  public var body: Body = .empty

  public init(slug: Slug, file: String, title: String, start: LocalDateTime, timeZone: TimeZone) {
    self.slug = slug
    self.file = file
    self.title = title
    self.start = start
    self.timeZone = timeZone
  }

  public var isWholeDay: Bool { start.isWholeDay }

  /// The end as the content means it: the given end, or two hours after a timed start, or the
  /// end of the start's day for a whole-day event. For whole days this is the last day itself.
  public var effectiveEnd: LocalDateTime {
    if let end { return end }
    guard let time = start.time else { return start }
    let minutes = time.minutesSinceMidnight + 120
    let date = start.date.adding(days: minutes / 1440)
    let rest = minutes % 1440
    return LocalDateTime(date: date, time: LocalTime(hour: rest / 60, minute: rest % 60))
  }
}

extension Event: BelongsToNetworks {}
