import Foundation
import KredsModel

/// One iCalendar file, as `ICalWriter` writes it: a feed of events, or a single event.
public struct CalendarDocument: Sendable {
  /// `NAME` and `X-WR-CALNAME`. Nil for a single-event file: Outlook would make a new calendar
  /// of a file with a name. Feed-only properties (`REFRESH-INTERVAL`, `X-PUBLISHED-TTL`) are
  /// written only when there is a name.
  public var name: String?
  /// `DESCRIPTION` (RFC 7986) and `X-WR-CALDESC` of the calendar.
  public var description: String?
  /// `X-WR-TIMEZONE`: the zone clients show the calendar in when they ask.
  public var defaultTimeZone: TimeZone
  /// `PRODID`, such as `-//Kreds//Kreds 0.1//DA`.
  public var productID: String
  /// `REFRESH-INTERVAL;VALUE=DURATION` and `X-PUBLISHED-TTL` of a feed: an RFC 5545 duration
  /// such as `PT12H`.
  public var refreshInterval: String
  /// Written in this order.
  public var events: [CalendarEvent]
  /// When there are no events, the file still needs a component (RFC 5545, 3.6): it gets the
  /// `VTIMEZONE` of `defaultTimeZone` for the year of this instant (the build time).
  public var emptyCalendarDate: Date = Date(timeIntervalSince1970: 0)

  public init(
    name: String?, description: String? = nil, defaultTimeZone: TimeZone, productID: String,
    refreshInterval: String = "PT12H", events: [CalendarEvent]
  ) {
    self.name = name
    self.description = description
    self.defaultTimeZone = defaultTimeZone
    self.productID = productID
    self.refreshInterval = refreshInterval
    self.events = events
  }
}

/// One `VEVENT`: a single event or a whole series (its rule and exceptions, not its meetings).
public struct CalendarEvent: Sendable {
  /// `STATUS`.
  public enum Status: String, Sendable {
    case confirmed = "CONFIRMED"
    case cancelled = "CANCELLED"
    /// For a postponed event: it will happen, but not at the time written.
    case tentative = "TENTATIVE"
  }

  /// `ORGANIZER;CN="name":mailto:email`.
  public struct Organizer: Sendable {
    public var name: String?
    public var email: String

    public init(name: String?, email: String) {
      self.name = name
      self.email = email
    }
  }

  /// `CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL="label":url` (RFC 7986): the online link.
  public struct Conference: Sendable {
    public var url: String
    public var label: String?

    public init(url: String, label: String? = nil) {
      self.url = url
      self.label = label
    }
  }

  /// `UID`: must stay the same from build to build, or clients duplicate the event.
  public var uid: String
  /// `DTSTAMP`, written in UTC.
  public var stamp: Date
  /// `LAST-MODIFIED`, written in UTC.
  public var lastModified: Date?
  /// The (first) start, local time in `timeZone`; a day alone for a whole-day event.
  public var start: LocalDateTime
  /// For a timed event the local end time. For a whole-day event the last day, inclusive: the
  /// file says the day after, as RFC 5545 wants. A timed start with a day alone as end ends at
  /// the close of that day.
  public var end: LocalDateTime
  /// The zone of `start`, `end` and `exceptionDates`; it gets a `VTIMEZONE`.
  public var timeZone: TimeZone
  public var summary: String
  /// Plain text; line ends are kept (written `\n`).
  public var description: String?
  public var url: String?
  public var location: String?
  public var status: Status
  /// `SEQUENCE`: raise it when the time changes so clients take the update.
  public var sequence: Int
  /// `CATEGORIES`, such as the event's tags.
  public var categories: [String]
  public var organizer: Organizer?
  /// The `RRULE` value as the editor wrote it and `RecurrenceRule` accepted it, such as
  /// `FREQ=MONTHLY;BYDAY=3WE;COUNT=4`. The writer rewrites `UNTIL` to the form RFC 5545 demands
  /// for the `DTSTART` (see `ICalWriter`), and leaves the other parts as they are.
  public var recurrenceRule: String?
  /// Days of the series left out (`EXDATE`), at the start's time of day.
  public var exceptionDates: [LocalDate]
  /// When the last meeting ends. With `start` it is the span the `VTIMEZONE` must cover. The
  /// initializer makes it the end of the first meeting when not given: right for a single event.
  public var lastOccurrenceEnd: Date
  public var conference: Conference?

  public init(
    uid: String, stamp: Date, lastModified: Date? = nil, start: LocalDateTime,
    end: LocalDateTime, timeZone: TimeZone, summary: String, description: String? = nil,
    url: String? = nil, location: String? = nil, status: Status = .confirmed, sequence: Int = 0,
    categories: [String] = [], organizer: Organizer? = nil, recurrenceRule: String? = nil,
    exceptionDates: [LocalDate] = [], lastOccurrenceEnd: Date? = nil,
    conference: Conference? = nil
  ) {
    self.uid = uid
    self.stamp = stamp
    self.lastModified = lastModified
    self.start = start
    self.end = end
    self.timeZone = timeZone
    self.summary = summary
    self.description = description
    self.url = url
    self.location = location
    self.status = status
    self.sequence = sequence
    self.categories = categories
    self.organizer = organizer
    self.recurrenceRule = recurrenceRule
    self.exceptionDates = exceptionDates
    self.lastOccurrenceEnd = lastOccurrenceEnd ?? Self.endInstant(of: end, timeZone: timeZone)
    self.conference = conference
  }

  /// When the first meeting ends: a whole-day end at the close of its last day.
  var firstEndInstant: Date { Self.endInstant(of: end, timeZone: timeZone) }

  private static func endInstant(of end: LocalDateTime, timeZone: TimeZone) -> Date {
    guard end.time != nil else {
      return LocalDateTime(date: end.date.adding(days: 1), time: nil).instant(in: timeZone)
    }
    return end.instant(in: timeZone)
  }
}
