import Foundation
import KredsModel

/// The instants a zone's offset changes, found by asking Foundation and walking between them.
extension TimeZoneRules {
  /// The transitions from `start` through `end`. Every event's file asks for its own span, but
  /// the spans of a site start on few dates (the first of January a year before an event), so
  /// the walk through the zone data from each start is done once, as far as asked so far, and
  /// later spans take its first part.
  static func transitions(of zone: TimeZone, from start: Date, through end: Date)
    -> [Transition]
  {
    let key = TransitionCache.Key(zone: zone.identifier, start: start)
    if let known = transitionCache.transitions(key, through: end) { return known }
    // A little further than asked, so that events of the following years need no new walk.
    let walked = walkTransitions(
      of: zone, from: start, through: max(end, start.addingTimeInterval(20 * 366 * 86_400)))
    transitionCache.store(walked.transitions, complete: walked.through, for: key)
    return walked.transitions.filter { $0.instant <= end }
  }

  private static let transitionCache = TransitionCache()

  /// Transitions walked from a start, shared by all threads.
  private final class TransitionCache: @unchecked Sendable {
    struct Key: Hashable {
      var zone: String
      var start: Date
    }

    private let lock = NSLock()
    private var walks: [Key: (transitions: [Transition], through: Date)] = [:]

    /// The transitions through `end`, if a walk from the start went that far.
    func transitions(_ key: Key, through end: Date) -> [Transition]? {
      lock.lock()
      let walk = walks[key]
      lock.unlock()
      guard let walk, walk.through >= end else { return nil }
      return walk.transitions.filter { $0.instant <= end }
    }

    func store(_ transitions: [Transition], complete through: Date, for key: Key) {
      lock.lock()
      defer { lock.unlock() }
      if walks[key].map({ $0.through < through }) ?? true {
        walks[key] = (transitions, through)
      }
    }
  }

  /// The zone's transitions after `start` through `end`, and how far they are complete: the
  /// walk stops after `maximumTransitions` steps as a walk to a nearer end would at the same
  /// step, so its first part is that walk's result.
  static func walkTransitions(of zone: TimeZone, from start: Date, through end: Date)
    -> (transitions: [Transition], through: Date)
  {
    var result: [Transition] = []
    var cursor = start
    var steps = 0
    while steps < maximumTransitions,
      let next = zone.nextDaylightSavingTimeTransition(after: cursor),
      next > cursor, next <= end
    {
      steps += 1
      cursor = next
      let offsetFrom = zone.secondsFromGMT(for: next.addingTimeInterval(-1))
      let offsetTo = zone.secondsFromGMT(for: next)
      // A change of name or DST flag alone moves no clock; it needs no onset.
      guard offsetFrom != offsetTo else { continue }
      result.append(
        Transition(
          instant: next, offsetFrom: offsetFrom, offsetTo: offsetTo,
          kind: zone.isDaylightSavingTime(for: next) ? .daylight : .standard,
          name: letterName(zone, next), wallClock: WallClockTime(next, offset: offsetFrom)))
    }
    return (result, end)
  }

  /// `run` with `transition` added when one yearly rule describes both, else nil.
  static func extend(_ run: Run, _ transition: Transition) -> Run? {
    guard let last = run.transitions.last,
      transition.wallClock.date.year == last.wallClock.date.year + 1,
      transition.wallClock.date.month == last.wallClock.date.month,
      transition.wallClock.date.isoWeekday == last.wallClock.date.isoWeekday,
      transition.wallClock.secondsOfDay == last.wallClock.secondsOfDay,
      transition.offsetFrom == last.offsetFrom, transition.offsetTo == last.offsetTo,
      transition.name == last.name
    else { return nil }
    let choices = run.choices.intersection(YearlyRule.choices(for: transition.wallClock.date))
    guard !choices.isEmpty else { return nil }
    return Run(transitions: run.transitions + [transition], choices: choices)
  }

  /// Whether the zone makes the change `rule` predicts for the year after `last`, after the
  /// scanned span (inside it, the change would be in the run): then the rule is still in force
  /// and is written without `UNTIL`.
  static func holds(
    _ rule: YearlyRule, after last: Transition, beyond scanEnd: Date, in zone: TimeZone
  ) -> Bool {
    let date = rule.date(in: last.wallClock.date.year + 1)
    let instant = WallClockTime(date: date, secondsOfDay: last.wallClock.secondsOfDay)
      .instant(offset: last.offsetFrom)
    return instant > scanEnd
      && zone.secondsFromGMT(for: instant.addingTimeInterval(-1)) == last.offsetFrom
      && zone.secondsFromGMT(for: instant) == last.offsetTo
      && zone.isDaylightSavingTime(for: instant) == (last.kind == .daylight)
  }

  /// The zone's abbreviation at `instant` when it is letters only (`CEST`), else nil: Foundation
  /// on Linux answers `GMT+2`, which is no name and can be wrong for the date.
  static func letterName(_ zone: TimeZone, _ instant: Date) -> String? {
    guard let name = zone.abbreviation(for: instant), !name.isEmpty,
      name.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) })
    else { return nil }
    return name
  }
}
