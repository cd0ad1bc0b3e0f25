import Foundation
import KredsCalendar
import KredsModel
import Testing

@testable import KredsSite

/// The automatic selection of a newsletter (CONTENT.md, "Newsletter") at its edges.
@Suite struct NewsletterSelectionTests {
  static let zone = TimeZone(identifier: "Europe/Copenhagen")!
  static let network = Slug("groent")!

  static func date(_ text: String) -> LocalDate { LocalDate(parsing: text)! }

  static func story(_ slug: String, _ date: String, network: Slug? = network) -> Story {
    var story = Story(
      slug: Slug(slug)!, file: "\(slug).md", title: slug,
      date: LocalDateTime(parsing: date)!)
    story.homeNetwork = network
    return story
  }

  static func event(
    _ slug: String, _ start: String, rule: String? = nil, zone: TimeZone = zone
  ) -> Event {
    var event = Event(
      slug: Slug(slug)!, file: "\(slug).md", title: slug, start: LocalDateTime(parsing: start)!,
      timeZone: zone)
    event.homeNetwork = network
    if let rule, let parsed = RecurrenceRule.parse(rule).rule {
      event.repetition = Repetition(
        rule: parsed, ruleText: rule, exceptions: [], location: SourceLocation(line: 1, column: 1))
    }
    return event
  }

  static func issue(_ slug: String, _ date: String, network: Slug? = network) -> Newsletter {
    Newsletter(slug: Slug(slug)!, file: "\(slug).md", network: network, date: Self.date(date))
  }

  /// A site with the given items, occurrences expanded as the resolver does.
  static func site(
    stories: [Story] = [], events: [Event] = [], newsletters: [Newsletter], upcomingDays: Int = 60
  ) -> Site {
    var settings = SiteSettings(title: "Test", baseURL: "https://example.dk/", timeZone: zone)
    settings.newsletterUpcomingDays = upcomingDays
    var site = Site(settings: settings, now: Date(), buildTime: Date())
    site.stories = stories.sorted { $0.date > $1.date }
    site.events = events
    site.newsletters = newsletters.sorted { $0.date > $1.date }
    for (index, story) in site.stories.enumerated() { site.storyIndex[story.slug] = index }
    for (index, event) in site.events.enumerated() { site.eventIndex[event.slug] = index }
    for (index, story) in site.stories.enumerated() {
      for slug in story.networkSlugs { site.members[slug, default: .init()].stories.append(index) }
    }
    for (index, event) in site.events.enumerated() {
      for slug in event.networkSlugs { site.members[slug, default: .init()].events.append(index) }
    }
    site.occurrences = events.indices.flatMap { index in
      (try? events[index].occurrences(eventIndex: index).get()) ?? []
    }
    .sorted { $0.startInstant < $1.startInstant }
    return site
  }

  func storySlugs(_ site: Site, _ issue: Newsletter) -> [String] {
    site.selection(of: issue).stories.map { site.stories[$0].slug.rawValue }
  }

  func eventDates(_ site: Site, _ issue: Newsletter) -> [String] {
    site.selection(of: issue).occurrences.map {
      "\(site.event(of: $0).slug.rawValue) \($0.start.date)"
    }
  }

  @Test func aStoryDatedOnThePreviousIssuesDateWasInThatIssue() {
    let first = Self.issue("nr-1", "2026-06-01")
    let second = Self.issue("nr-2", "2026-08-03")
    let site = Self.site(
      stories: [
        Self.story("paa-dagen", "2026-06-01 10:00"), Self.story("dagen-efter", "2026-06-02 08:00"),
        Self.story("paa-udgivelsesdagen", "2026-08-03 07:00"),
        Self.story("efter", "2026-08-04 07:00"),
      ],
      newsletters: [first, second])
    #expect(storySlugs(site, second) == ["paa-udgivelsesdagen", "dagen-efter"])
    #expect(storySlugs(site, first) == ["paa-dagen"])
  }

  @Test func theFirstIssueLooksNinetyDaysBack() {
    let first = Self.issue("nr-1", "2026-06-01")
    let site = Self.site(
      stories: [
        Self.story("for-gammel", "2026-03-03 12:00"), Self.story("lige-inden", "2026-03-04 12:00"),
      ],
      newsletters: [first])
    #expect(storySlugs(site, first) == ["lige-inden"])
  }

  @Test func anEventOnTheLastDayOfTheWindowIsIn() {
    let issue = Self.issue("nr-1", "2026-10-05")
    let site = Self.site(
      events: [
        Self.event("dagen-foer", "2026-10-04 17:00"), Self.event("samme-dag", "2026-10-05 17:00"),
        Self.event("sidste-dag", "2026-12-04 23:00"), Self.event("dagen-efter", "2026-12-05 08:00"),
      ],
      newsletters: [issue])
    #expect(eventDates(site, issue) == ["samme-dag 2026-10-05", "sidste-dag 2026-12-04"])
  }

  /// The window is of local dates, and occurrences are found by their instants: a meeting far
  /// east or west of UTC on the window's first or last day is still in.
  @Test func theWindowsEdgesHoldInEveryTimeZone() {
    let issue = Self.issue("nr-1", "2026-10-05")
    let east = TimeZone(identifier: "Pacific/Kiritimati")!  // UTC+14
    let west = TimeZone(identifier: "Pacific/Pago_Pago")!  // UTC-11
    let site = Self.site(
      events: [
        Self.event("oest-foer", "2026-10-04 23:30", zone: west),
        Self.event("oest-start", "2026-10-05 00:30", zone: east),
        Self.event("vest-slut", "2026-12-04 23:30", zone: west),
        Self.event("oest-efter", "2026-12-05 00:30", zone: east),
      ],
      newsletters: [issue])
    #expect(eventDates(site, issue) == ["oest-start 2026-10-05", "vest-slut 2026-12-04"])
  }

  @Test func theIssueBeforeIsTheLatestEarlierOneOfTheSameNetwork() {
    let first = Self.issue("nr-1", "2026-04-06")
    let other = Self.issue("andet-nr-1", "2026-07-06", network: Slug("andet"))
    let siteWide = Self.issue("netvaerksnyt", "2026-07-13", network: nil)
    let second = Self.issue("nr-2", "2026-08-03")
    let site = Self.site(newsletters: [second, siteWide, first, other])
    #expect(site.previousIssue(of: second)?.slug.rawValue == "nr-1")
    #expect(site.previousIssue(of: first) == nil)
    #expect(site.previousIssue(of: other) == nil)
    #expect(site.previousIssue(of: siteWide) == nil)
  }

  @Test func aSeriesShowsOnlyItsMeetingsInTheWindow() {
    let issue = Self.issue("nr-1", "2026-10-05")
    let site = Self.site(
      events: [Self.event("serie", "2026-09-16 17:00", rule: "FREQ=MONTHLY;BYDAY=3WE;COUNT=4")],
      newsletters: [issue], upcomingDays: 45)
    #expect(eventDates(site, issue) == ["serie 2026-10-21", "serie 2026-11-18"])
  }

  @Test func excludedItemsAndOtherNetworksAreLeftOut() {
    var issue = Self.issue("nr-1", "2026-10-05")
    issue.exclude = [
      Located("julehandel", at: .fileStart), Located("gammel-nyhed", at: .fileStart),
    ]
    let site = Self.site(
      stories: [
        Self.story("gammel-nyhed", "2026-10-01 09:00"), Self.story("ny", "2026-10-02 09:00"),
        Self.story("andet-netvaerk", "2026-10-02 09:00", network: Slug("andet")),
      ],
      events: [
        Self.event("julehandel", "2026-11-26 16:30"), Self.event("hoest", "2026-10-22 19:00"),
      ],
      newsletters: [issue])
    #expect(storySlugs(site, issue) == ["ny"])
    #expect(eventDates(site, issue) == ["hoest 2026-10-22"])
  }

  @Test func aSiteWideIssueDrawsOnEveryNetworkAndListsKeepTheEditorsOrder() {
    var issue = Self.issue("netvaerksnyt", "2026-10-05", network: nil)
    issue.stories = .listed([Located("b", at: .fileStart), Located("a", at: .fileStart)])
    let site = Self.site(
      stories: [
        Self.story("a", "2026-10-01 09:00"), Self.story("b", "2026-09-01 09:00", network: nil),
        Self.story("c", "2026-10-02 09:00", network: Slug("andet")),
      ],
      newsletters: [issue])
    #expect(storySlugs(site, issue) == ["b", "a"])
    issue.stories = .automatic
    #expect(storySlugs(site, issue) == ["c", "a", "b"])
  }
}
