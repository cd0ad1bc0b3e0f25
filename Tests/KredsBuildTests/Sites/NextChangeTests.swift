import Foundation
import Testing

@testable import KredsBuild
@testable import KredsSite

/// The promise of `kreds next-change` (issue 19), proved on the example site for every kind of
/// instant: a build a minute before the next change equals a build now, and a build at it
/// differs.
@Suite struct NextChangeTests {
  private let cache = ParseCache()

  private func build(at now: Date, future: Bool = false) throws -> (
    files: [String: [UInt8]], report: SiteBuilder.Report
  ) {
    var options = Fixtures.options(output: nil)
    options.now = now
    options.includeFuture = future
    let report = try SiteBuilder.run(options, cache: cache)
    #expect(!report.diagnostics.containsErrors)
    var files: [String: [UInt8]] = [:]
    for file in report.files ?? [] {
      if case .bytes(let bytes) = file.content {
        files[file.path] = bytes
      } else {
        files[file.path] = []
      }
    }
    return (files, report)
  }

  private func site(at now: Date) throws -> Site {
    var options = Fixtures.options(output: nil)
    options.now = now
    let prepared = try SiteBuilder.prepare(options, cache: cache)
    return try #require(prepared.site)
  }

  /// A moment from which the next change is `change` itself: just before it, when nothing
  /// else falls in between.
  private func proves(_ change: NextChange) throws -> Bool {
    let before = change.instant.addingTimeInterval(-150)
    let start = try build(at: before)
    guard let next = start.report.nextChange, next.instant == change.instant,
      next.kind == change.kind
    else { return false }
    let lastMinute = try build(at: change.instant.addingTimeInterval(-60))
    let early = differing(start.files, lastMinute.files)
    #expect(
      early.isEmpty,
      "a build a minute before \(change.reason) differs from one 2.5 minutes before: \(early)")
    let after = try build(at: change.instant)
    #expect(!differing(start.files, after.files).isEmpty, "nothing changed when \(change.reason)")
    return true
  }

  private func differing(_ a: [String: [UInt8]], _ b: [String: [UInt8]]) -> [String] {
    Array(Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted().prefix(5))
  }

  @Test func isExactForEveryKindOfInstant() throws {
    // From the example's own moment, and from one late in a month for the month's change.
    let lateInMonth = LocalDateTime(parsing: "2026-11-30 18:00")!.instant(
      in: TimeZone(identifier: "Europe/Copenhagen")!)
    let candidates =
      try site(at: Fixtures.now).upcomingChanges()
      + site(at: lateInMonth).upcomingChanges()
    for kind in NextChange.Kind.allCases {
      let ofKind = candidates.filter { $0.kind == kind }
      #expect(!ofKind.isEmpty, "the example site has no instant of kind \(kind)")
      var proved = false
      // The first few of each kind; one of them is the next change when its time comes.
      for change in ofKind.prefix(6) where try proves(change) {
        proved = true
        break
      }
      #expect(proved, "no \(kind) instant of the example site was the next change just before it")
    }
  }

  @Test func buildAndCheckReportTheNextChange() throws {
    let report = try build(at: Fixtures.now).report
    let change = try #require(report.nextChange)
    #expect(change.instant > Fixtures.now)
    #expect(
      change.isoText(in: TimeZone(identifier: "Europe/Copenhagen")!) == "2026-11-24T00:00:00+01:00")
  }

  /// The example's story with `publish: 2026-12-01 08:00`: absent from every output built
  /// before then, present after, with nothing else changed.
  @Test func aStoryWaitsForItsPublishTime() throws {
    let zone = TimeZone(identifier: "Europe/Copenhagen")!
    let publish = LocalDateTime(parsing: "2026-12-01 08:00")!.instant(in: zone)
    let slug = "ny-formand-for-groent-industrinetvaerk"
    let title = "Grønt Industrinetværk Nyborg får ny formand"
    func mentions(_ files: [String: [UInt8]]) -> [String] {
      files.filter { path, bytes in
        path.contains(slug) || String(decoding: bytes, as: UTF8.self).contains(slug)
          || String(decoding: bytes, as: UTF8.self).contains(title)
      }.keys.sorted()
    }
    let before = try build(at: publish.addingTimeInterval(-60))
    #expect(mentions(before.files).isEmpty, "published early in \(mentions(before.files))")
    let after = try build(at: publish)
    let found = mentions(after.files)
    for expected in [
      "historier/\(slug)/index.html", "historier/index.html", "feed.xml",
      "netvaerk/groent-industrinetvaerk-nyborg/index.html",
      "netvaerk/groent-industrinetvaerk-nyborg/feed.xml", "sitemap.xml",
    ] {
      #expect(found.contains(expected), "\(expected) does not show the story once published")
    }
    // Previewed with --future before its time, marked as scheduled.
    let preview = try build(at: publish.addingTimeInterval(-86_400), future: true)
    let page = try #require(preview.files["historier/\(slug)/index.html"])
    #expect(String(decoding: page, as: UTF8.self).contains("scheduled-banner"))
    #expect(
      !String(decoding: after.files["historier/\(slug)/index.html"] ?? [], as: UTF8.self).contains(
        "scheduled-banner"))
  }
}
