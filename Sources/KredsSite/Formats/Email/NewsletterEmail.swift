import Foundation

/// The email versions of one issue (SITE.md, "Newsletters"): `email.html` from the theme's
/// `email` template, `email.txt` written by code, and `email.eml` holding both.
public struct NewsletterEmail {
  /// Gmail clips a message over about 102 KB; warn well before.
  static let warningBytes = 90 * 1024
  static let errorBytes = 100 * 1024

  let builder: ViewBuilder
  let theme: Theme

  var site: Site { builder.site }
  var urls: SiteURLs { builder.urls }

  /// The files ``files(_:)`` makes, in its order.
  static func outputPaths(of newsletter: Newsletter, urls: SiteURLs) -> [String] {
    let folder = urls.outputFile(
      urls.newsletter(network: newsletter.network, slug: newsletter.slug)
    )
    .dropLast("index.html".count)
    return ["email.html", "email.txt", "email.eml"].map { folder + $0 }
  }

  func files(_ newsletter: Newsletter) -> [OutputFile] {
    let paths = Self.outputPaths(of: newsletter, urls: urls)
    var context = builder.newsletterView(newsletter, absolute: true)
    context["introHTML"] = EmailHTMLStyle.inline(
      builder.bodyHTML(newsletter.body, file: newsletter.file, absolute: true))
    context["lang"] = site.settings.language.rawValue
    context["t"] = builder.textValue
    context["title"] = builder.newsletterTitle(newsletter)
    let html = theme.render(context, template: "email")
    let text = plainText(newsletter)
    let organisation = site.settings.organisation
    let message = EmailMessage(
      from: EmailMessage.Mailbox(
        name: organisation?.name ?? site.settings.title,
        address: organisation?.email ?? "noreply@\(site.settings.host)"),
      subject: builder.newsletterTitle(newsletter),
      date: LocalDateTime(date: newsletter.date, time: LocalTime(hour: 9, minute: 0)).instant(
        in: site.settings.timeZone),
      messageIDSeed: urls.absolute(builder.newsletterPath(newsletter)), textBody: text,
      htmlBody: html,
      unsubscribe: site.settings.newsletterUnsubscribe.flatMap(EmailMessage.Unsubscribe.init))
    return zip(paths, [html, text, message.rendered()]).map { OutputFile(path: $0, text: $1) }
  }

  /// A warning for an `email.html` over 90 KB and an error over 100 KB, on the newsletter's file:
  /// Gmail cuts longer messages off behind a "view entire message" link.
  public static func sizeDiagnostics(of files: [OutputFile], site: Site) -> [Diagnostic] {
    let urls = SiteURLs(settings: site.settings)
    var sizes: [String: Int] = [:]
    for file in files where file.path.hasSuffix("/email.html") {
      if case .bytes(let bytes) = file.content { sizes[file.path] = bytes.count }
    }
    return site.newsletters.compactMap { newsletter in
      let page = urls.outputFile(
        urls.newsletter(network: newsletter.network, slug: newsletter.slug))
      guard let size = sizes[page.dropLast("index.html".count) + "email.html"],
        size > warningBytes
      else { return nil }
      let kilobytes = (size + 1023) / 1024
      let severity: Severity = size > errorBytes ? .error : .warning
      return Diagnostic(
        file: newsletter.file, location: .fileStart, severity: severity,
        message:
          "the email version is \(kilobytes) KB; Gmail cuts off messages over about 100 KB, so shorten the introduction or list fewer stories and events (with 'stories:' and 'events:' lists or 'exclude:')"
      )
    }
  }

  /// The issue as one HTML fragment with absolute links, for the newsletter Atom feed.
  static func feedHTML(_ newsletter: Newsletter, builder: ViewBuilder) -> String {
    let site = builder.site
    let urls = builder.urls
    let selection = site.selection(of: newsletter)
    func link(_ path: String, _ text: String) -> String {
      "<a href=\"\(HTMLText.escape(urls.absolute(path)))\">\(HTMLText.escape(text))</a>"
    }
    var html = builder.bodyHTML(newsletter.body, file: newsletter.file, absolute: true)
    if !selection.stories.isEmpty {
      html += "<h2>\(HTMLText.escape(builder.label("newsletterStories")))</h2>\n<ul>\n"
      for index in selection.stories {
        let story = site.stories[index]
        html +=
          "<li>\(link(urls.story(story.slug), story.title)): \(HTMLText.escape(story.effectiveSummary))</li>\n"
      }
      html += "</ul>\n"
    }
    if !selection.occurrences.isEmpty {
      html += "<h2>\(HTMLText.escape(builder.label("newsletterEvents")))</h2>\n<ul>\n"
      for occurrence in selection.occurrences {
        let event = site.event(of: occurrence)
        let when = builder.dates.when(start: occurrence.start, end: occurrence.end)
        let status = builder.statusLabel(event.status).map { " (\($0))" } ?? ""
        html +=
          "<li>\(link(urls.event(event.slug), event.title))\(HTMLText.escape(status)): \(HTMLText.escape(when))</li>\n"
      }
      html += "</ul>\n"
    }
    return html
  }

  /// The same content as readable text: links written out, lines of at most 78 characters, and
  /// no preheader (it is preview text for the HTML version only).
  func plainText(_ newsletter: Newsletter) -> String {
    typealias Layout = PlainTextLayout
    let selection = site.selection(of: newsletter)
    var blocks: [[String]] = []
    let network = newsletter.network.flatMap { site.network($0) }
    blocks.append(
      Layout.wrap([site.settings.title, network?.title].compactMap { $0 }.joined(separator: " · ")))
    var head = Layout.underline(builder.newsletterTitle(newsletter))
    head += Layout.wrap(
      [
        builder.dates.long(newsletter.date),
        newsletter.number.map { "\(builder.label("issueNumber")) \($0.value)" },
      ]
      .compactMap { $0 }.joined(separator: " · "))
    blocks.append(head)
    let webURL = urls.absolute(builder.newsletterPath(newsletter))
    blocks.append(Layout.wrap(builder.label("viewInBrowser") + ":") + Layout.link(webURL))

    // The introduction, paragraph by paragraph; its links are listed after it.
    for paragraph in newsletter.body.plainText.components(separatedBy: "\n\n") {
      let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: true).flatMap {
        line -> [String] in
        let indent = String(line.prefix { $0 == " " })
        let text = line.dropFirst(indent.count)
        if text.hasPrefix("- ") || text.hasPrefix("* ") {
          return Layout.bullet(String(text.dropFirst(2)), indent: indent)
        }
        return Layout.wrap(String(text), indent: indent)
      }
      blocks.append(lines)
    }
    let introLinks = (site.linkTargets[newsletter.file] ?? []).enumerated().compactMap {
      index, target -> String? in
      guard newsletter.body.links.indices.contains(index), !newsletter.body.links[index].isImage,
        target != .withheld
      else { return nil }
      let url = urls.url(of: target)
      return url.hasPrefix("/") ? urls.absolute(url) : url
    }
    if !introLinks.isEmpty {
      var seen: Set<String> = []
      blocks.append(introLinks.filter { seen.insert($0).inserted }.flatMap { Layout.link($0) })
    }

    if !selection.stories.isEmpty {
      var lines = Layout.underline(builder.label("newsletterStories").uppercased(), with: "-")
      for index in selection.stories {
        let story = site.stories[index]
        lines.append("")
        lines += Layout.bullet(story.title)
        if !story.effectiveSummary.isEmpty {
          lines += Layout.wrap(story.effectiveSummary, indent: "  ")
        }
        lines += Layout.link(urls.absolute(urls.story(story.slug)), indent: "  ")
      }
      blocks.append(lines)
    }

    var events = Layout.underline(builder.label("newsletterEvents").uppercased(), with: "-")
    if selection.occurrences.isEmpty { events += Layout.wrap(builder.label("noEventsInIssue")) }
    for occurrence in selection.occurrences {
      let event = site.event(of: occurrence)
      events.append("")
      let status = builder.statusLabel(event.status).map { " (\($0.uppercased()))" } ?? ""
      events += Layout.bullet(event.title + status)
      events += Layout.wrap(
        builder.dates.when(start: occurrence.start, end: occurrence.end), indent: "  ")
      if let place = event.location.map(ViewBuilder.locationText)
        ?? event.online.map({ $0.platform ?? builder.label("online") })
      {
        events += Layout.wrap(place, indent: "  ")
      }
      if let deadline = event.registration?.deadline {
        events += Layout.wrap(
          "\(builder.label("deadline")): \(builder.dates.dateTime(deadline))", indent: "  ")
      }
      events += Layout.link(urls.absolute(urls.event(event.slug)), indent: "  ")
    }
    blocks.append(events)

    if let contact = network?.contact {
      var lines = Layout.underline(builder.label("contact").uppercased(), with: "-")
      lines += Layout.wrap(
        [contact.name, contact.role, contact.organisation].compactMap { $0 }.joined(separator: ", ")
      )
      if let email = contact.email { lines += Layout.wrap(email) }
      if let phone = contact.phone { lines += Layout.wrap(phone) }
      blocks.append(lines)
    }

    var footer = [Layout.rule()]
    if let organisation = site.settings.organisation {
      footer += Layout.wrap("\(builder.label("sentBy")) \(organisation.name).")
    }
    if let address = site.settings.postalAddress { footer += Layout.wrap(address) }
    footer += Layout.link(urls.absolute(urls.home))
    if let unsubscribe = site.settings.newsletterUnsubscribe {
      footer += Layout.wrap("\(builder.label("unsubscribe")): \(unsubscribe)")
    }
    blocks.append(footer)
    return Layout.document(blocks)
  }
}
