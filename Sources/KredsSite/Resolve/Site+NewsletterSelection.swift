import Foundation

extension Site {
  /// The newsletter's stories and meetings. A site-wide issue draws on every network.
  func selection(of newsletter: Newsletter) -> NewsletterSelection {
    let excluded = Set(newsletter.exclude.map(\.value))
    // A network's issue looks only at the network's items: looking through every item of the
    // site in the window would grow with the number of networks.
    let members = newsletter.network.map { self.members[$0] ?? NetworkMembers() }

    var stories: [Int]
    switch newsletter.stories {
    case .automatic:
      let after =
        previousIssue(of: newsletter)?.date
        ?? newsletter.date.adding(days: -NewsletterSelection.firstIssueStoryDays)
      // Stories are newest first: the window is one run of them, found by binary search.
      let candidates = members?.stories ?? Array(self.stories.indices)
      let first = candidates.partitionPoint { self.stories[$0].date.date <= newsletter.date }
      let end = candidates[first...].partitionPoint { self.stories[$0].date.date <= after }
      stories = candidates[first..<end].filter {
        !excluded.contains(self.stories[$0].slug.rawValue)
      }
    case .listed(let slugs):
      stories = slugs.compactMap { Slug($0.value).flatMap { storyIndex[$0] } }
    }

    let windowEnd = newsletter.date.adding(days: settings.newsletterUpcomingDays)
    func inWindow(_ occurrence: Occurrence) -> Bool {
      occurrence.start.date >= newsletter.date && occurrence.start.date <= windowEnd
    }
    var occurrences: [Occurrence]
    switch newsletter.events {
    case .automatic:
      // Occurrences are by start instant, and a local date lies within a day of the same date
      // in UTC in every time zone: a day's margin on each side holds the whole window.
      let earliest = Self.utcMidnight(of: newsletter.date.adding(days: -1))
      let latest = Self.utcMidnight(of: windowEnd.adding(days: 2))
      let candidates = members.map(occurrencePositions(of:)) ?? Array(self.occurrences.indices)
      let first = candidates.partitionPoint { self.occurrences[$0].startInstant >= earliest }
      let end = candidates[first...].partitionPoint {
        self.occurrences[$0].startInstant >= latest
      }
      occurrences = candidates[first..<end].map { self.occurrences[$0] }.filter { occurrence in
        let index = occurrence.eventIndex
        return inWindow(occurrence) && !excluded.contains(events[index].slug.rawValue)
          && events[index].status != .cancelled
      }
    case .listed(let slugs):
      occurrences = slugs.flatMap { slug -> [Occurrence] in
        guard let index = Slug(slug.value).flatMap({ eventIndex[$0] }) else { return [] }
        let all = self.occurrences(ofEvent: index)
        // A listed event is told by its meetings in the window; failing that, by the next one
        // after the issue (or its last, when all are over).
        let shown = all.filter(inWindow)
        if !shown.isEmpty { return shown }
        return [all.first { $0.start.date >= newsletter.date } ?? all.last].compactMap { $0 }
      }
    }
    return NewsletterSelection(stories: stories, occurrences: occurrences)
  }

  private static func utcMidnight(of date: LocalDate) -> Date {
    Date(timeIntervalSince1970: Double(date.daysSinceEpoch) * 86_400)
  }
}
