import Foundation
import Testing

@testable import KredsBuild
@testable import KredsSite

/// The notice at the top of an event page (issue 29, point 1), and the Content Security Policy
/// every page carries (point 8). The clock is `Fixtures.now`, 23 November 2026 at noon.
@Suite struct EventNoticeTests {
  /// Builds a site of one network and the given events (file name: front matter), and returns
  /// each event page's HTML by slug, and the output folder.
  static func build(
    _ events: [String: String], body: String = "", siteExtra: String = ""
  ) throws -> (pages: [String: String], output: URL, folder: URL) {
    let (folder, content, eventsFolder) = try Fixtures.oneNetworkSite(
      items: "events", siteYAML: siteExtra, networkBody: body)
    for (slug, frontMatter) in events {
      try "---\n\(frontMatter)location: {name: Hal}\n---\n".write(
        to: eventsFolder.appendingPathComponent("\(slug).md"), atomically: true, encoding: .utf8)
    }
    let output = folder.appendingPathComponent("site")
    let report = try SiteBuilder.run(Fixtures.options(content: content, output: output))
    #expect(report.errorCount == 0, "\(report.diagnostics)")
    var pages: [String: String] = [:]
    for slug in events.keys {
      pages[slug] = try String(
        contentsOf: output.appendingPathComponent("arrangementer/\(slug)/index.html"),
        encoding: .utf8)
    }
    return (pages, output, folder)
  }

  /// The notice element, from `<p class=...data-event-state` to its `</p>`; nil without one.
  static func notice(_ html: String) -> String? {
    guard
      let start = html.range(of: "<p class=\"status-banner status-banner--ended\" data-event-state")
    else { return nil }
    guard let end = html.range(of: "</p>", range: start.upperBound..<html.endIndex) else {
      return nil
    }
    return String(html[start.lowerBound..<end.upperBound])
  }

  @Test func anEndedMeetingSaysSoAndARunningOneIsHappeningNow() throws {
    let (pages, _, folder) = try Self.build([
      "ended": "title: Afholdt\nstart: 2026-11-10 09:00\nend: 2026-11-10 11:00\n",
      "running": "title: I gang\nstart: 2026-11-23 11:00\nend: 2026-11-23 13:00\n",
      "coming": "title: Kommer\nstart: 2026-12-10 09:00\nend: 2026-12-10 11:00\n",
      "postponed": "title: Udsat\nstart: 2026-11-10 09:00\nstatus: postponed\n",
      "cancelled": "title: Aflyst\nstart: 2026-12-10 09:00\nstatus: cancelled\n",
      "series":
        "title: Række\nstart: 2026-10-01 09:00\nend: 2026-10-01 10:00\nrepeat:\n  rule: FREQ=WEEKLY;COUNT=3\n",
      "wholeday": "title: Heldag\nstart: 2026-11-23\n",
    ])
    defer { try? FileManager.default.removeItem(at: folder) }

    let ended = try #require(Self.notice(pages["ended"] ?? ""))
    #expect(
      !ended.contains("data-event-state data-event-ends=\"2026-11-10T11:00:00+01:00\" hidden"))
    #expect(ended.contains("data-event-ends=\"2026-11-10T11:00:00+01:00\">"))
    #expect(ended.contains("<span data-event-ended>Mødet er afholdt. <a href=\"/arrangementer/\">"))
    #expect(
      ended.contains("data-event-running data-running-start=")
        && ended.contains(" hidden>I gang nu"))

    let running = try #require(Self.notice(pages["running"] ?? ""))
    #expect(running.contains("data-running-end=\"2026-11-23T13:00:00+01:00\">I gang nu</span>"))
    #expect(running.contains("<span data-event-ended hidden>"))

    // Not shown before the meeting, but there for time.js to show when the moment comes.
    let coming = try #require(Self.notice(pages["coming"] ?? ""))
    #expect(coming.contains("data-event-ends=\"2026-12-10T11:00:00+01:00\" hidden>"))

    // A series has ended when its last date has; the notice says so of the whole series.
    let series = try #require(Self.notice(pages["series"] ?? ""))
    #expect(series.contains("data-event-ends=\"2026-10-15T10:00:00+02:00\">"))
    #expect(series.contains("Alle møderne i rækken er afholdt."))

    // A whole day runs until the start of the next day, in the site's zone.
    let wholeDay = try #require(Self.notice(pages["wholeday"] ?? ""))
    #expect(wholeDay.contains("data-event-ends=\"2026-11-24\">"))
    #expect(wholeDay.contains("data-running-start=\"2026-11-23\" data-running-end=\"2026-11-24\">"))

    // Cancelled and postponed meetings keep their own banner, and JSON-LD its status.
    for slug in ["postponed", "cancelled"] {
      let html = pages[slug] ?? ""
      #expect(Self.notice(html) == nil, "\(slug)")
      #expect(html.contains("status-banner--\(slug)"), "\(slug)")
    }
    #expect(
      (pages["ended"] ?? "").contains("\"eventStatus\":\"https://schema.org/EventScheduled\""))
  }

  @Test func everyPageHasAStrictPolicyAndFramesOnlyWhereItPreviewsItsLists() throws {
    let (pages, output, folder) = try Self.build(
      ["coming": "title: Kommer\nstart: 2026-12-10 09:00\n"],
      body: "![Havnen](https://billeder.example.org/havn.jpg)\n\n| a | b |\n|--:|:-:|\n| 1 | 2 |\n")
    defer { try? FileManager.default.removeItem(at: folder) }
    let policy =
      "default-src &#39;none&#39;; script-src &#39;self&#39;; style-src &#39;self&#39;; "
      + "img-src &#39;self&#39; data: https://billeder.example.org; font-src &#39;self&#39;; "
      + "media-src &#39;self&#39;; connect-src &#39;self&#39;; frame-src &#39;%@&#39;; "
      + "form-action &#39;self&#39;; base-uri &#39;none&#39;"
    func meta(_ frames: String) -> String {
      "<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\""
        + policy.replacingOccurrences(of: "%@", with: frames) + "\">"
    }
    let event = pages["coming"] ?? ""
    #expect(event.contains(meta("none")), "\(event.prefix(900))")
    for framing in [
      "arrangementer/index.html", "netvaerk/net/index.html", "arrangementer/del/index.html",
    ] {
      let html = try String(contentsOf: output.appendingPathComponent(framing), encoding: .utf8)
      #expect(html.contains(meta("self")), "\(framing)")
    }
    let embed = try String(
      contentsOf: output.appendingPathComponent("arrangementer/indlejr/index.html"), encoding: .utf8
    )
    #expect(embed.contains("<meta http-equiv=\"Content-Security-Policy\""))
    // The body's table: alignment as classes, as no inline style is allowed.
    let network = try String(
      contentsOf: output.appendingPathComponent("netvaerk/net/index.html"), encoding: .utf8)
    #expect(network.contains("<th class=\"align-right\">a</th>") && !network.contains(" style=\""))
  }
}
