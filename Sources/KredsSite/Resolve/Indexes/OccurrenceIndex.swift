import Foundation

/// The positions of each event's occurrences, in two flat arrays: every event's positions one
/// after another, and where each event's run starts. Made in two passes without a dictionary
/// or an array per event, since `serve` makes it again after every edit.
struct OccurrenceIndex: Sendable {
  private var starts: [Int]
  private var positions: [Int]

  init(_ occurrences: [Occurrence], eventCount: Int) {
    let events = max(eventCount, (occurrences.map(\.eventIndex).max() ?? -1) + 1)
    var counts = [Int](repeating: 0, count: events + 1)
    for occurrence in occurrences { counts[occurrence.eventIndex + 1] += 1 }
    for event in 0..<events { counts[event + 1] += counts[event] }
    starts = counts
    var next = counts
    positions = [Int](repeating: 0, count: occurrences.count)
    for (position, occurrence) in occurrences.enumerated() {
      positions[next[occurrence.eventIndex]] = position
      next[occurrence.eventIndex] += 1
    }
  }

  /// In the order of ``Site/occurrences``.
  func positions(ofEvent event: Int) -> ArraySlice<Int> {
    guard event >= 0, event + 1 < starts.count else { return [] }
    return positions[starts[event]..<starts[event + 1]]
  }
}
