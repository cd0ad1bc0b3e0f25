import Foundation

/// An instant after the site's `now` at which the published output would differ if the site
/// were built again, and why. Kreds prints the soonest (`kreds next-change`), so that a schedule
/// rebuilds exactly when the site would change.
public struct NextChange: Sendable, Equatable {
  /// What makes the output change; in the order of precedence when several fall together.
  public enum Kind: String, Sendable, CaseIterable, Comparable {
    /// An item's `publish:` time comes.
    case publication
    /// A meeting ends: it leaves the upcoming lists, the embeddable lists and the JSON feeds.
    case meetingEnds
    /// A meeting begins: it is marked as happening now, and its registration closes.
    case meetingBegins
    /// A registration deadline passes.
    case registrationCloses
    /// Midnight on the first of a month: `/kalender/` shows the new month.
    case newMonth
    /// Midnight: the calendar's "today" mark moves.
    case newDay
    /// A year after an event's last meeting it leaves the calendar feeds.
    case leavesCalendarFeeds

    public static func < (lhs: Kind, rhs: Kind) -> Bool {
      (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
  }

  public var instant: Date
  public var kind: Kind
  /// For people: "Morgenmøde om energi begins".
  public var reason: String

  public init(instant: Date, kind: Kind, reason: String) {
    self.instant = instant
    self.kind = kind
    self.reason = reason
  }
}

extension Site {
  /// The soonest change after `now`; nil when nothing in the site reads the clock any more
  /// (which cannot happen while the calendar marks today, but keeps the contract honest).
  public var nextChange: NextChange? {
    coming().min { ($0.instant, $0.kind) < ($1.instant, $1.kind) }
  }

  /// Every change after `now` that the content holds, soonest first, for the tests that prove
  /// each kind: the next midnight stands for all midnights.
  public func upcomingChanges() -> [NextChange] {
    coming().sorted { ($0.instant, $0.kind, $0.reason) < ($1.instant, $1.kind, $1.reason) }
  }

  private func coming() -> [NextChange] {
    var changes: [NextChange] = []
    func add(_ instant: Date, _ kind: NextChange.Kind, _ reason: @autoclosure () -> String) {
      if instant > now {
        changes.append(NextChange(instant: instant, kind: kind, reason: reason()))
      }
    }
    for publication in pendingPublications {
      add(publication.instant, .publication, "\(publication.file) is published")
    }
    // Shown early by --future, they lose their "scheduled" marker then.
    for (file, publish) in scheduled {
      add(publish.instant, .publication, "\(file) is published")
    }
    for occurrence in occurrences where occurrence.endInstant > now {
      let title = events[occurrence.eventIndex].title
      add(occurrence.startInstant, .meetingBegins, "\(title) begins")
      add(occurrence.endInstant, .meetingEnds, "\(title) ends")
    }
    for index in events.indices {
      let event = events[index]
      if event.status != .cancelled,
        let deadline = event.registration?.deadlineEnd(in: event.timeZone)
      {
        add(deadline, .registrationCloses, "registration for \(event.title) closes")
      }
      if let last = occurrencePositions(ofEvent: index).last.map({ occurrences[$0] }) {
        add(
          last.endInstant.addingTimeInterval(CalendarFeeds.pastDays * 86_400), .leavesCalendarFeeds,
          "\(event.title) leaves the calendar feeds, a year after its last meeting")
      }
    }
    let zone = settings.timeZone
    let tomorrow = LocalDateTime(instant: now, in: zone).date.adding(days: 1)
    let midnight = LocalDateTime(date: tomorrow, time: nil).instant(in: zone)
    if tomorrow.day == 1 {
      add(midnight, .newMonth, "a new month: the calendar shows \(tomorrow.description.prefix(7))")
    } else {
      add(midnight, .newDay, "a new day: the calendar's today mark moves")
    }
    return changes
  }
}

extension NextChange {
  /// ISO 8601 with the offset of `zone`: `2027-01-20T09:00:00+01:00`.
  public func isoText(in zone: TimeZone) -> String { DateText.isoInstant(instant, zone: zone) }

  /// As an editor reads it, in `zone`: `2027-01-20 09:00`.
  public func localText(in zone: TimeZone) -> String {
    LocalDateTime(instant: instant, in: zone).description
  }
}
