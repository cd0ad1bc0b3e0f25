import Foundation

/// The newsletters' pages: an issue's web version, and the archives of a network or the site.
extension PageRenderer {
  /// An issue's web version; `latest` is the same page at the network's "newest issue" address,
  /// whose canonical URL is the issue's own.
  func newsletter(_ newsletter: Newsletter, latest: Bool) -> OutputFile {
    var view = View()
    view["newsletter"] = builder.newsletterView(newsletter, absolute: false)
    let path = builder.newsletterPath(newsletter)
    var file = output(
      template: "newsletter", path: path, title: builder.newsletterTitle(newsletter),
      description: newsletter.preheader, ogType: "article",
      feeds: newsletterFeeds(newsletter.network),
      view: view, sourceFile: newsletter.file)
    if latest, let network = newsletter.network {
      file.path = urls.outputFile(urls.latestNewsletter(network: network))
    }
    return file
  }

  func newsletterFeeds(_ network: Slug?) -> [View] {
    guard let network, let title = site.network(network)?.title else { return [] }
    return [
      View([
        "title": "\(title) · \(builder.label("newsletters"))",
        "url": urls.newsletterFeed(network: network),
      ])
    ]
  }

  func newsletterArchive(_ network: Slug?) -> OutputFile {
    var view = View()
    let issues = network.map { site.newsletters(ofNetwork: $0) } ?? site.newsletters
    if let network, let item = site.network(network) {
      view["issues"] = issues.map(builder.newsletterCard)
      view["network"] = View(["title": item.title, "url": urls.network(network)])
      view["feedURL"] = urls.newsletterFeed(network: network)
      view["groups"] = [View]()
      return output(
        template: "newsletters", path: urls.newsletters(network: network),
        title: "\(builder.label("newsletters")): \(item.title)", description: item.summary,
        feeds: newsletterFeeds(network), view: view)
    }
    // The whole site: the joint issues first, then each network's.
    var groups: [View] = []
    let joint = issues.filter { $0.network == nil }
    if !joint.isEmpty {
      var group = View(["title": builder.label("siteWideNewsletters"), "url": nil, "feedURL": nil])
      group["issues"] = joint.map(builder.newsletterCard)
      groups.append(group)
    }
    for item in site.networks {
      let own = issues.filter { $0.network == item.slug }
      guard !own.isEmpty else { continue }
      var group = View([
        "title": item.title, "url": urls.newsletters(network: item.slug),
        "feedURL": urls.newsletterFeed(network: item.slug),
      ])
      group["issues"] = own.map(builder.newsletterCard)
      groups.append(group)
    }
    view["groups"] = groups
    view["issues"] = [View]()
    view["network"] = nil
    view["feedURL"] = nil
    return output(
      template: "newsletters", path: urls.newsletters, title: builder.label("newsletters"),
      description: nil, view: view)
  }
}
