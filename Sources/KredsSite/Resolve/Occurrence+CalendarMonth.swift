import Foundation

extension Occurrence {
  /// True when the occurrence takes place on `day` (any part of it, for events over several days).
  func touches(_ day: LocalDate) -> Bool { start.date <= day && day <= lastDay }

  /// The last day the occurrence takes place on: one ending at midnight ends the day before.
  var lastDay: LocalDate {
    if end.date > start.date, let time = end.time, time.minutesSinceMidnight == 0 {
      return end.date.adding(days: -1)
    }
    return end.date
  }
}
