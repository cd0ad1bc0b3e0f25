import Foundation

/// One time an event takes place: the event itself, or one meeting of a series.
public struct Occurrence: Sendable {
  /// Index of the event in ``Site/events``.
  public var eventIndex: Int
  public var start: LocalDateTime
  /// For timed events the end time; for whole-day events the last day (inclusive).
  public var end: LocalDateTime
  public var startInstant: Date
  public var endInstant: Date
  /// 0 for the first meeting of a series (and for single events).
  public var ordinal: Int

  public init(
    eventIndex: Int, start: LocalDateTime, end: LocalDateTime, startInstant: Date, endInstant: Date,
    ordinal: Int
  ) {
    self.eventIndex = eventIndex
    self.start = start
    self.end = end
    self.startInstant = startInstant
    self.endInstant = endInstant
    self.ordinal = ordinal
  }
}
