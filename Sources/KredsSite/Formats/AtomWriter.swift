import Foundation

/// Atom 1.0 feeds (RFC 4287) of stories, written by code so that escaping never depends on a
/// template.
struct AtomWriter {
  static let maximumEntries = 50

  let builder: ViewBuilder
  var site: Site { builder.site }
  var urls: SiteURLs { builder.urls }

  /// One `<entry>`: a story or a newsletter issue.
  struct Entry {
    var title: String
    var url: String
    var published: Date
    var updated: Date
    var author: String?
    var categories: [String] = []
    var summary: String?
    var html: String
  }

  /// A feed of `stories` (newest first) announced at `feedPath`, for the page at `pagePath`.
  func feed(title: String, subtitle: String?, feedPath: String, pagePath: String, stories: [Story])
    -> OutputFile
  {
    let zone = site.settings.timeZone
    let entries = stories.prefix(Self.maximumEntries).map { story -> Entry in
      var html = builder.bodyHTML(story.body, file: story.file, absolute: true)
      if let image = story.image {
        // The email's picture: one JPEG that every feed reader shows, with its size.
        let picture = builder.emailPicture(image)
        let size = picture.width.map { " width=\"\($0)\" height=\"\(picture.height ?? 0)\"" } ?? ""
        html =
          "<p><img src=\"\(HTMLText.escape(urls.absolute(picture.url)))\"\(size) alt=\"\(HTMLText.escape(image.alt))\"></p>\n"
          + html
      }
      let summary = story.effectiveSummary
      return Entry(
        title: story.title, url: urls.absolute(urls.story(story.slug)),
        published: story.date.instant(in: zone), updated: updatedInstant(story),
        author: story.author, categories: story.tags, summary: summary.isEmpty ? nil : summary,
        html: html)
    }
    return feed(
      title: title, subtitle: subtitle, feedPath: feedPath, pagePath: pagePath, entries: entries)
  }

  /// A network's newsletter issues (newest first) with their full content, as the web version
  /// shows it.
  func newsletterFeed(network: Network, issues: [Newsletter], render: (Newsletter) -> String)
    -> OutputFile
  {
    let zone = site.settings.timeZone
    let entries = issues.prefix(Self.maximumEntries).map { issue -> Entry in
      let published = LocalDateTime(date: issue.date, time: nil).instant(in: zone)
      return Entry(
        title: builder.newsletterTitle(issue),
        url: urls.absolute(builder.newsletterPath(issue)), published: published,
        updated: site.lastChanged(file: issue.file, notBefore: published), author: nil,
        summary: issue.preheader, html: render(issue))
    }
    return feed(
      title: "\(network.title) · \(builder.label("newsletters"))", subtitle: network.summary,
      feedPath: urls.newsletterFeed(network: network.slug),
      pagePath: urls.newsletters(network: network.slug), entries: entries)
  }

  func feed(title: String, subtitle: String?, feedPath: String, pagePath: String, entries: [Entry])
    -> OutputFile
  {
    let zone = site.settings.timeZone
    let updated = entries.map(\.updated).max() ?? site.buildTime
    var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    xml +=
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(site.settings.language.rawValue)\">\n"
    xml += "  <title>\(XMLText.escape(title))</title>\n"
    if let subtitle { xml += "  <subtitle>\(XMLText.escape(subtitle))</subtitle>\n" }
    xml += "  <id>\(XMLText.escape(urls.absolute(feedPath)))</id>\n"
    xml +=
      "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escape(urls.absolute(feedPath)))\"/>\n"
    xml +=
      "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(urls.absolute(pagePath)))\"/>\n"
    xml += "  <updated>\(DateText.isoInstant(updated, zone: zone))</updated>\n"
    xml +=
      "  <author><name>\(XMLText.escape(site.settings.organisation?.name ?? site.settings.title))</name>"
    if let email = site.settings.organisation?.email {
      xml += "<email>\(XMLText.escape(email))</email>"
    }
    if let url = site.settings.organisation?.url { xml += "<uri>\(XMLText.escape(url))</uri>" }
    xml += "</author>\n"
    xml += "  <generator>Kreds</generator>\n"
    for entry in entries {
      xml += "  <entry>\n"
      xml += "    <title>\(XMLText.escape(entry.title))</title>\n"
      xml += "    <id>\(XMLText.escape(entry.url))</id>\n"
      xml +=
        "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(entry.url))\"/>\n"
      xml += "    <published>\(DateText.isoInstant(entry.published, zone: zone))</published>\n"
      xml += "    <updated>\(DateText.isoInstant(entry.updated, zone: zone))</updated>\n"
      if let author = entry.author {
        xml += "    <author><name>\(XMLText.escape(author))</name></author>\n"
      }
      for tag in entry.categories { xml += "    <category term=\"\(XMLText.escape(tag))\"/>\n" }
      if let summary = entry.summary {
        xml += "    <summary>\(XMLText.escape(summary))</summary>\n"
      }
      xml += "    <content type=\"html\">\(XMLText.escape(entry.html))</content>\n"
      xml += "  </entry>\n"
    }
    xml += "</feed>\n"
    return OutputFile(path: urls.outputFile(feedPath), text: xml)
  }

  /// The story's own `updated:`, else its last commit (never before its date).
  private func updatedInstant(_ story: Story) -> Date {
    let zone = site.settings.timeZone
    if let updated = story.updated { return updated.instant(in: zone) }
    return site.lastChanged(file: story.file, notBefore: story.date.instant(in: zone))
  }
}
