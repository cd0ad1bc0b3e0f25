import Foundation

/// The networks' pages: the list of networks and each network's page.
extension PageRenderer {
  func networks() -> OutputFile {
    var view = View()
    view["networks"] = site.networks.filter { $0.status != .ended }.map(builder.networkCard)
    view["endedNetworks"] = site.networks.filter { $0.status == .ended }.map(builder.networkCard)
    return output(
      template: "networks", path: urls.networks, title: builder.label("networks"), description: nil,
      view: view)
  }

  func network(_ index: Int) -> OutputFile {
    let network = site.networks[index]
    // From the network's own events: filtering every occurrence of the site for each network
    // grows with the square of the site.
    let members = site.members[network.slug] ?? NetworkMembers()
    let occurrences = site.occurrencePositions(of: members).map { site.occurrences[$0] }
    var view = View()
    view["network"] = builder.networkView(network)
    view["upcoming"] = occurrences.filter { $0.endInstant > site.now }.map(builder.eventCard)
    view["past"] = occurrences.filter { $0.endInstant <= site.now }.reversed().map(
      builder.eventCard)
    view["stories"] = members.stories.map { builder.storyCard(site.stories[$0]) }
    view["feedURL"] = urls.networkFeed(network.slug)
    view["subscribe"] = builder.subscribeLinks(
      feedPath: urls.networkCalendarFeed(network.slug),
      name: "\(network.title) · \(site.settings.title)")
    // An ended network's list stays for partners who show it, but is no longer offered.
    view["embed"] = network.status == .ended ? nil : embedSnippet(.network(index))
    let issues = site.newsletters(ofNetwork: network.slug)
    view["newsletters"] = issues.prefix(3).map(builder.newsletterCard)
    view["newslettersURL"] = issues.isEmpty ? nil : urls.newsletters(network: network.slug)
    let feed = View([
      "title": "\(network.title) · \(builder.label("stories"))",
      "url": urls.networkFeed(network.slug),
    ])
    return output(
      template: "network", path: urls.network(network.slug), title: network.title,
      description: network.summary,
      image: network.image, feeds: [feed], view: view, sourceFile: network.file,
      framesOwnPages: network.status != .ended)
  }
}
