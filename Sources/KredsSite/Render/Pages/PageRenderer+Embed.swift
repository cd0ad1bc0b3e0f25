import Foundation

/// The pages that put the meetings on partners' websites (SITE.md, "Embeddable lists"): compact
/// lists made for an `<iframe>`, and the page that tells partners how to use them and the feeds.
extension PageRenderer {
  /// How many coming meetings an embeddable list shows: a partner's sidebar, not an archive.
  static let embeddedMeetings = 10

  /// The coming meetings of a scope, in order of start.
  func upcomingOccurrences(of scope: PageJob.EmbedScope) -> [Occurrence] {
    switch scope {
    case .site:
      return site.upcomingOccurrences
    case .network(let index):
      return site.upcomingOccurrences(ofNetwork: site.networks[index].slug)
    case .topic(let slug):
      return occurrences(ofTopic: slug).filter { $0.endInstant > site.now }
    }
  }

  /// The scope's name and the page it belongs to.
  private func owner(of scope: PageJob.EmbedScope) -> (title: String, path: String) {
    switch scope {
    case .site: return (site.settings.title, urls.events)
    case .network(let index):
      let network = site.networks[index]
      return (network.title, urls.network(network.slug))
    case .topic(let slug): return (tags.entries[slug]?.name ?? slug.rawValue, urls.topic(slug))
    }
  }

  /// A standalone page without the site's frame: no menu, no footer, one small stylesheet and
  /// one small script, so that it is light in a partner's page.
  func embed(_ scope: PageJob.EmbedScope) -> OutputFile {
    let owner = owner(of: scope)
    let meetings = upcomingOccurrences(of: scope).prefix(Self.embeddedMeetings).map {
      occurrence in
      var item = builder.eventCard(occurrence)
      // As on event pages: a whole-day meeting ends at the start of the day after.
      item["endISO"] = builder.occurrenceAttributes(occurrence)["end"]
      return item
    }
    var embed = View([
      "title": owner.title, "url": owner.path,
      "documentTitle": "\(builder.label("embedTitle")) · \(owner.title)",
      "cssURL": urls.embedStylesheet, "scriptURL": urls.embedScript,
      "iconURL": urls.basePath + "assets/favicon.svg",
      "contentSecurityPolicy": ContentSecurityPolicy(imageOrigins: []).value(
        framesOwnPages: false),
    ])
    embed["meetings"] = Array(meetings)
    var context = View()
    context["lang"] = site.settings.language.rawValue
    context["t"] = builder.textValue
    context["embed"] = embed
    return OutputFile(
      path: urls.outputFile(scope.path(site: site, urls: urls)),
      text: theme.render(context, template: "embed"))
  }

  /// What a page shows partners of one embeddable list: the `<iframe>` to copy, the address of a
  /// live preview, and the feeds of the same meetings.
  func embedSnippet(_ scope: PageJob.EmbedScope) -> View {
    let owner = owner(of: scope)
    let path = scope.path(site: site, urls: urls)
    let frameTitle = "\(builder.label("embedTitle")): \(owner.title)"
    let snippet =
      "<iframe src=\"\(HTMLText.escape(urls.absolute(path)))\" title=\"\(HTMLText.escape(frameTitle))\" "
      + "style=\"width:100%;max-width:40rem;height:32rem;border:0\" loading=\"lazy\"></iframe>"
    var view = View([
      "title": owner.title, "embedURL": path, "frameTitle": frameTitle, "snippet": snippet,
      "shareURL": urls.share,
    ])
    switch scope {
    case .site:
      view["jsonURL"] = urls.absolute(urls.calendarJSONFeed)
      view["icsURL"] = urls.absolute(urls.calendarFeed)
    case .network(let index):
      let slug = site.networks[index].slug
      view["jsonURL"] = urls.absolute(urls.networkCalendarJSONFeed(slug))
      view["icsURL"] = urls.absolute(urls.networkCalendarFeed(slug))
    case .topic:
      view["jsonURL"] = nil
      view["icsURL"] = nil
    }
    return view
  }

  /// "Vis vores møder på jeres hjemmeside": the embeddable lists of the site and every network
  /// that is not ended, their parameters, and the feeds.
  func share() -> OutputFile {
    var view = View([
      "eventsURL": urls.events, "jsonURL": urls.absolute(urls.calendarJSONFeed),
      "icsURL": urls.absolute(urls.calendarFeed),
      "styleExample": urls.absolute(urls.eventsEmbed)
        + "?\(urls.words.colour)=0b4f3f&\(urls.words.font)=serif",
    ])
    view["siteEmbed"] = embedSnippet(.site)
    view["networks"] = site.networks.indices.filter { site.networks[$0].status != .ended }.map {
      embedSnippet(.network($0))
    }
    return output(
      template: "share", path: urls.share, title: builder.label("shareTitle"),
      description: builder.label("shareDescription"), view: view, framesOwnPages: true)
  }
}
