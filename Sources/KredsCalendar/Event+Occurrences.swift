import Foundation
import KredsModel

extension Event {
  /// Every time this event takes place, in order: one occurrence for a single event, each meeting
  /// for a series. Ends keep the event's length in local time. Nil with a problem when the
  /// series cannot be expanded.
  public func occurrences(eventIndex: Int) -> Result<[Occurrence], RecurrenceExpander.Problem> {
    let end = effectiveEnd
    let lengthInDays = end.date.daysSinceEpoch - start.date.daysSinceEpoch
    let lengthInMinutes =
      (end.time?.minutesSinceMidnight ?? 0) - (start.time?.minutesSinceMidnight ?? 0)
    let dates: [LocalDate]
    if let repetition {
      switch RecurrenceExpander.dates(
        of: repetition.rule, start: start, timeZone: timeZone, except: repetition.exceptions)
      {
      case .success(let expanded): dates = expanded
      case .failure(let problem): return .failure(problem)
      }
    } else {
      dates = [start.date]
    }
    return .success(
      dates.enumerated().map { ordinal, date in
        let occurrenceStart = LocalDateTime(date: date, time: start.time)
        var occurrenceEnd = LocalDateTime(date: date.adding(days: lengthInDays), time: end.time)
        if let time = start.time, end.time != nil {
          let minutes = time.minutesSinceMidnight + lengthInDays * 1440 + lengthInMinutes
          occurrenceEnd = LocalDateTime(
            date: date.adding(days: minutes / 1440),
            time: LocalTime(hour: (minutes % 1440) / 60, minute: minutes % 60))
        }
        let startInstant = occurrenceStart.instant(in: timeZone)
        let endInstant: Date =
          occurrenceEnd.isWholeDay
          ? LocalDateTime(date: occurrenceEnd.date.adding(days: 1), time: nil).instant(in: timeZone)
          : occurrenceEnd.instant(in: timeZone)
        return Occurrence(
          eventIndex: eventIndex, start: occurrenceStart, end: occurrenceEnd,
          startInstant: startInstant, endInstant: endInstant, ordinal: ordinal)
      })
  }
}
