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

extension Site {
  /// The issue before `newsletter` in the same network (or among the site-wide issues): the
  /// latest one dated before it.
  func previousIssue(of newsletter: Newsletter) -> Newsletter? {
    newsletters.filter {
      $0.network == newsletter.network
        && ($0.date, $0.slug.rawValue) < (newsletter.date, newsletter.slug.rawValue)
    }
    .max { ($0.date, $0.slug.rawValue) < ($1.date, $1.slug.rawValue) }
  }

  /// The newsletter's stories and meetings. A site-wide issue draws on every network.
  func selection(of newsletter: Newsletter) -> NewsletterSelection {
    let excluded = Set(newsletter.exclude.map(\.value))
    func inScope(_ item: BelongsToNetworks) -> Bool {
      guard let network = newsletter.network else { return true }
      return item.networkSlugs.contains(network)
    }

    var stories: [Int]
    switch newsletter.stories {
    case .automatic:
      let after =
        previousIssue(of: newsletter)?.date
        ?? newsletter.date.adding(days: -NewsletterSelection.firstIssueStoryDays)
      // Dates first: they are cheap to compare and rule out nearly every story.
      stories = self.stories.indices.filter { index in
        let date = self.stories[index].date.date
        guard date > after, date <= newsletter.date else { return false }
        return inScope(self.stories[index])
          && !excluded.contains(self.stories[index].slug.rawValue)
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
      occurrences = self.occurrences.filter { occurrence in
        guard inWindow(occurrence) else { return false }
        let index = occurrence.eventIndex
        return inScope(events[index]) && !excluded.contains(events[index].slug.rawValue)
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
}
