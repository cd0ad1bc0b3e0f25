import Foundation

/// Whether an event takes place as planned.
public enum EventStatus: String, Sendable, Hashable, CaseIterable {
  case scheduled, cancelled, postponed
}

/// Where an event meets in person.
public struct Location: Hashable, Sendable {
  public var name: String
  public var address: String?
  public var postalCode: String?
  public var city: String?
  /// ISO 3166 code, `DK` by default.
  public var country: String

  public init(
    name: String, address: String? = nil, postalCode: String? = nil, city: String? = nil,
    country: String = "DK"
  ) {
    self.name = name
    self.address = address
    self.postalCode = postalCode
    self.city = city
    self.country = country
  }
}

/// How to join an event remotely.
public struct OnlineAccess: Hashable, Sendable {
  public var url: String
  public var platform: String?

  public init(url: String, platform: String? = nil) {
    self.url = url
    self.platform = platform
  }
}

/// How to sign up for an event.
public struct Registration: Hashable, Sendable {
  public var url: String?
  public var email: String?
  public var deadline: LocalDateTime?
  /// Where `deadline` is written, for the warning once it has passed.
  public var deadlineLocation: SourceLocation?
  public var capacity: Int?
  public var price: String?

  public init(
    url: String? = nil, email: String? = nil, deadline: LocalDateTime? = nil, capacity: Int? = nil,
    price: String? = nil
  ) {
    self.url = url
    self.email = email
    self.deadline = deadline
    self.capacity = capacity
    self.price = price
  }

  /// When the deadline passes: at its time, or at the end of its day for a date alone.
  public func deadlineEnd(in zone: TimeZone) -> Date? {
    guard let deadline else { return nil }
    return deadline.isWholeDay
      ? LocalDateTime(date: deadline.date.adding(days: 1), time: nil).instant(in: zone)
      : deadline.instant(in: zone)
  }
}

/// One line of an event's programme.
public struct AgendaItem: Hashable, Sendable {
  public var time: LocalTime?
  public var title: String
  public var speaker: String?

  public init(time: LocalTime?, title: String, speaker: String? = nil) {
    self.time = time
    self.title = title
    self.speaker = speaker
  }
}

/// A file offered with an event, such as the programme as PDF.
public struct Attachment: Hashable, Sendable {
  /// Relative to the content folder: `media/...`.
  public var file: Located<String>
  public var title: String

  public init(file: Located<String>, title: String) {
    self.file = file
    self.title = title
  }
}

/// A repeating event's rule and the dates left out of it.
public struct Repetition: Hashable, Sendable {
  public var rule: RecurrenceRule
  /// The rule as the editor wrote it, for iCal.
  public var ruleText: String
  public var exceptions: [LocalDate]
  /// Where each of `exceptions` is written.
  public var exceptionLocations: [SourceLocation] = []
  /// Where the rule's UNTIL value is written.
  public var untilLocation: SourceLocation?
  /// Where `repeat` is written, for problems found when the series is expanded.
  public var location: SourceLocation

  public init(
    rule: RecurrenceRule, ruleText: String, exceptions: [LocalDate] = [],
    location: SourceLocation = .fileStart
  ) {
    self.rule = rule
    self.ruleText = ruleText
    self.exceptions = exceptions
    self.location = location
  }
}

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

/// An item that lives in a network's folder or names its networks (events and stories).
public protocol BelongsToNetworks {
  /// The network whose folder holds the file, if any.
  var homeNetwork: Slug? { get }
  /// Networks listed in `networks:`, as written.
  var listedNetworks: [Located<String>] { get }
}

extension BelongsToNetworks {
  /// All networks the item belongs to: the folder's and the listed ones, without repeats.
  public var networkSlugs: [Slug] {
    var result: [Slug] = homeNetwork.map { [$0] } ?? []
    for listed in listedNetworks {
      if let slug = Slug(listed.value), !result.contains(slug) { result.append(slug) }
    }
    return result
  }
}
