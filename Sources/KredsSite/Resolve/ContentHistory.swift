import Foundation

/// What the content folder's git history says about its files (docs/ARCHITECTURE.md, "Change
/// history"): when each was last committed, and how often each event's time, place, online
/// address or status changed. Read by `KredsBuild`; empty without git.
public struct ContentHistory: Sendable, Equatable {
  /// The time of the last commit that changed each file, by path relative to the content
  /// folder. Missing for files with uncommitted changes: they keep their own `updated:`.
  public var lastCommitted: [String: Date] = [:]
  /// How many commits changed each event's time, place, online address or status, with one
  /// more when the working file differs from its last commit in those fields.
  public var timeAndPlaceChanges: [String: Int] = [:]
  /// Said once in the summary: why some or all files keep their own values.
  public var notes: [String] = []
  /// The content is in a git repository whose history could not be read (git missing, a
  /// shallow clone, an unreadable repository): calendar sequences and times may be behind.
  /// `kreds build` and `check` say so as a warning in CI (CLI.md, "Change history from git").
  public var isIncomplete = false

  public init(
    lastCommitted: [String: Date] = [:], timeAndPlaceChanges: [String: Int] = [:],
    notes: [String] = [], isIncomplete: Bool = false
  ) {
    self.lastCommitted = lastCommitted
    self.timeAndPlaceChanges = timeAndPlaceChanges
    self.notes = notes
    self.isIncomplete = isIncomplete
  }

  /// No history: every file keeps its own values.
  public static let none = ContentHistory()
}
