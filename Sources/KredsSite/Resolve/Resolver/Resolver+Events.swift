import Foundation
import KredsCalendar

extension Resolver {
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
      guard let registration = site.events[index].registration,
        let deadline = registration.deadline,
        let deadlineEnd = registration.deadlineEnd(in: site.events[index].timeZone),
        site.events[index].status == .scheduled
      else {
        continue
      }
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
