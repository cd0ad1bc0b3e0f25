import Foundation

/// One occurrence: its event and its place in the event's series.
struct OccurrenceKey: Hashable, Sendable {
  var eventIndex: Int
  var ordinal: Int

  init(_ occurrence: Occurrence) {
    eventIndex = occurrence.eventIndex
    ordinal = occurrence.ordinal
  }
}
