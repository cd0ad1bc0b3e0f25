import Foundation

extension SitePlan {
  /// Render jobs with the files each one makes, in the same order.
  struct JobList: Sendable {
    var jobs: [Job] = []
    /// The files of each job, in the order the job returns them.
    var paths: [[String]] = []

    /// Every job but the pages: the Atom feeds, the calendar files (whole, or one feed at a
    /// time `onRequest`) and the newsletters' emails.
    static func feedsAndFiles(site: Site, urls: SiteURLs, onRequest: Bool) -> JobList {
      var jobs: [Job] = [.feed(.stories), .feed(.meetings)]
      jobs += site.networks.indices.map { .feed(.networkStories($0)) }
      jobs += site.networks.indices.map { .feed(.networkMeetings($0)) }
      for index in site.networks.indices
      where site.members[site.networks[index].slug]?.newsletters.isEmpty == false {
        jobs.append(.feed(.newsletters(index)))
      }
      let calendarFeeds = CalendarFeeds(site: site, builder: ViewBuilder(site: site))
      if onRequest {
        jobs += calendarFeeds.feeds().map { Job.calendarFeed($0.feed, path: $0.path) }
      } else {
        jobs += calendarFeeds.files().map(Job.calendar)
      }
      jobs += site.newsletters.indices.map(Job.emails)
      return JobList(jobs: jobs, paths: jobs.map { $0.outputPaths(site: site, urls: urls) })
    }
  }

  /// The HTML pages to render, with what several of them share: the topics, the months and
  /// years, and the event cards (made once for every page, unless `onRequest`).
  struct PagePlan: Sendable {
    var tags: TagIndex
    var calendar: CalendarIndex
    var cards: [OccurrenceKey: View]
    var jobs: JobList

    init(site: Site, urls: SiteURLs, onRequest: Bool) {
      tags = TagIndex(site: site)
      calendar = CalendarIndex(site: site)
      cards = onRequest ? [:] : ViewBuilder.eventCards(of: site)
      let pages = PageRenderer.jobs(site: site, tags: tags, calendar: calendar)
      jobs = JobList(
        jobs: pages.map(Job.page), paths: pages.map { [$0.outputPath(site: site, urls: urls)] })
    }
  }
}
