import Foundation

/// What one newsletter issue tells (CONTENT.md, "Newsletter"): its stories and its coming
/// meetings, chosen automatically or listed by the editor.
struct NewsletterSelection {
  /// How far back the first issue of a network looks for stories.
  static let firstIssueStoryDays = 90

  /// Indices into ``Site/stories``, newest first for `auto`, in the editor's order when listed.
  var stories: [Int]
  /// Meetings, soonest first for `auto`, in the editor's order when listed.
  var occurrences: [Occurrence]
}
