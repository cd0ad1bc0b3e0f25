import Foundation

/// The view models of newsletter issues: for the web page, the archives and the email version
/// (where every URL is absolute, because a mail has no address of its own).
extension ViewBuilder {
  /// The title, or "Nyhedsbrev oktober 2026" / "Newsletter October 2026".
  func newsletterTitle(_ newsletter: Newsletter) -> String {
    newsletter.title ?? "\(label("newsletter")) \(dates.monthAndYear(newsletter.date))"
  }

  /// The web address of an issue.
  func newsletterPath(_ newsletter: Newsletter) -> String {
    urls.newsletter(network: newsletter.network, slug: newsletter.slug)
  }

  func newsletterCard(_ newsletter: Newsletter) -> View {
    var card = View([
      "title": newsletterTitle(newsletter), "url": newsletterPath(newsletter),
      "dateText": dates.long(newsletter.date), "dateISO": newsletter.date.description,
      "numberText": newsletter.number.map { "\(label("issueNumber")) \($0.value)" },
      "preheader": newsletter.preheader,
    ])
    card["network"] = newsletter.network.flatMap { slug in
      site.network(slug).map { View(["title": $0.title, "url": urls.network(slug)]) }
    }
    return card
  }

  /// One issue. With `absolute`, every link is a full URL (the email version).
  func newsletterView(_ newsletter: Newsletter, absolute: Bool) -> View {
    func link(_ path: String) -> String { absolute ? urls.absolute(path) : path }
    let selection = site.selection(of: newsletter)
    let network = newsletter.network.flatMap { site.network($0) }
    let webPath = newsletterPath(newsletter)
    var view = newsletterCard(newsletter)
    view["url"] = link(webPath)
    view["webURL"] = urls.absolute(webPath)
    view["introHTML"] = bodyHTML(newsletter.body, file: newsletter.file, absolute: absolute)
    view["emailHTMLURL"] = link(webPath + "email.html")
    view["emailTextURL"] = link(webPath + "email.txt")
    view["emailMessageURL"] = link(webPath + "email.eml")
    view["archiveURL"] = link(
      newsletter.network.map { urls.newsletters(network: $0) } ?? urls.newsletters)
    view["network"] = network.map {
      View(["title": $0.title, "url": link(urls.network($0.slug))])
    }
    view["stories"] = selection.stories.map { index -> View in
      let story = site.stories[index]
      var item = View([
        "title": story.title, "url": link(urls.story(story.slug)),
        "absoluteURL": urls.absolute(urls.story(story.slug)),
        "summary": story.effectiveSummary, "dateText": dates.long(story.date.date),
      ])
      item["image"] = story.image.map { emailImage($0, absolute: absolute) }
      return item
    }
    view["events"] = selection.occurrences.map { occurrence -> View in
      let event = site.event(of: occurrence)
      var item = View([
        "title": event.title, "url": link(urls.event(event.slug)),
        "absoluteURL": urls.absolute(urls.event(event.slug)),
        "whenText": dates.when(start: occurrence.start, end: occurrence.end),
        "startISO": dates.iso(occurrence.start, in: event.timeZone),
        "locationText": event.location.map(Self.locationText)
          ?? event.online.map { $0.platform ?? label("online") },
        "deadlineText": event.registration?.deadline.map { dates.dateTime($0) },
        "registrationURL": event.registration?.url,
        "statusLabel": statusLabel(event.status),
      ])
      item["cancelled"] = event.status == .cancelled
      item["postponed"] = event.status == .postponed
      return item
    }
    view["contact"] = person(network?.contact)
    view["organisation"] = organisation(site.settings.organisation)
    // A bare address becomes a `mailto:` link; a merge tag stays for the mail tool to fill in.
    view["unsubscribe"] = site.settings.newsletterUnsubscribe.map {
      EmailMessage.Unsubscribe(setting: $0)?.uri ?? $0
    }
    view["postalAddress"] = site.settings.postalAddress
    view["siteTitle"] = site.settings.title
    view["siteURL"] = urls.absolute(urls.home)
    return view
  }
}
