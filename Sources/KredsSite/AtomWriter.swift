import Foundation

/// Atom 1.0 feeds (RFC 4287) of stories, written by code so that escaping never depends on a
/// template.
struct AtomWriter {
  static let maximumEntries = 50

  let builder: ViewBuilder
  var site: Site { builder.site }
  var urls: SiteURLs { builder.urls }

  /// A feed of `stories` (newest first) announced at `feedPath`, for the page at `pagePath`.
  func feed(title: String, subtitle: String?, feedPath: String, pagePath: String, stories: [Story])
    -> OutputFile
  {
    let entries = stories.prefix(Self.maximumEntries)
    let zone = site.settings.timeZone
    let updated = entries.map { updatedInstant($0) }.max() ?? site.buildTime
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
    xml += "  <updated>\(builder.dates.isoInstant(updated, zone: zone))</updated>\n"
    xml +=
      "  <author><name>\(XMLText.escape(site.settings.organisation?.name ?? site.settings.title))</name>"
    if let email = site.settings.organisation?.email {
      xml += "<email>\(XMLText.escape(email))</email>"
    }
    if let url = site.settings.organisation?.url { xml += "<uri>\(XMLText.escape(url))</uri>" }
    xml += "</author>\n"
    xml += "  <generator>Kreds</generator>\n"
    for story in entries {
      let url = urls.absolute(urls.story(story.slug))
      xml += "  <entry>\n"
      xml += "    <title>\(XMLText.escape(story.title))</title>\n"
      xml += "    <id>\(XMLText.escape(url))</id>\n"
      xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(url))\"/>\n"
      xml +=
        "    <published>\(builder.dates.isoInstant(story.date.instant(in: zone), zone: zone))</published>\n"
      xml +=
        "    <updated>\(builder.dates.isoInstant(updatedInstant(story), zone: zone))</updated>\n"
      if let author = story.author {
        xml += "    <author><name>\(XMLText.escape(author))</name></author>\n"
      }
      for tag in story.tags { xml += "    <category term=\"\(XMLText.escape(tag))\"/>\n" }
      let summary = story.effectiveSummary
      if !summary.isEmpty { xml += "    <summary>\(XMLText.escape(summary))</summary>\n" }
      var html = builder.bodyHTML(story.body, file: story.file, absolute: true)
      if let image = story.image {
        let source = urls.absolute(urls.media(image.path.value))
        html =
          "<p><img src=\"\(HTMLText.escape(source))\" alt=\"\(HTMLText.escape(image.alt))\"></p>\n"
          + html
      }
      xml += "    <content type=\"html\">\(XMLText.escape(html))</content>\n"
      xml += "  </entry>\n"
    }
    xml += "</feed>\n"
    return OutputFile(path: urls.outputFile(feedPath), text: xml)
  }

  private func updatedInstant(_ story: Story) -> Date {
    (story.updated ?? story.date).instant(in: site.settings.timeZone)
  }
}
