import Foundation
import KredsCalendar

/// Newsletters: the stories and events an issue selects by name.
extension Resolver {
  mutating func checkNewsletters(_ newsletters: [Newsletter], site: Site) {
    var numbers: [String: [Int: String]] = [:]
    for newsletter in newsletters.sorted(by: { $0.file < $1.file }) {
      let scope = newsletter.network?.rawValue ?? ""
      if let number = newsletter.number {
        if let other = numbers[scope]?[number.value] {
          error(
            newsletter.file, number.location,
            "newsletter number \(number.value) is also used by \(other); give this issue another number"
          )
        } else {
          numbers[scope, default: [:]][number.value] = newsletter.file
        }
      }
      if newsletter.network == nil, site.networkIndex[newsletter.slug] != nil {
        error(
          newsletter.file, .fileStart,
          "the site-wide newsletter '\(newsletter.slug)' has the name of a network, whose newsletters live at that address; rename the file"
        )
      }
      if let network = newsletter.network, site.networkIndex[network] == nil { continue }
      let storyScope = newsletter.network
      if case .listed(let slugs) = newsletter.stories {
        for slug in slugs {
          checkSelected(slug, kind: .story, in: newsletter, site: site, network: storyScope)
        }
      }
      if case .listed(let slugs) = newsletter.events {
        for slug in slugs {
          checkSelected(slug, kind: .event, in: newsletter, site: site, network: storyScope)
        }
      }
      for slug in newsletter.exclude {
        let isStory = Slug(slug.value).flatMap { site.storyIndex[$0] } != nil
        checkSelected(
          slug, kind: isStory ? .story : .event, in: newsletter, site: site, network: storyScope)
      }
    }
  }

  mutating func checkSelected(
    _ reference: Located<String>, kind: ItemKind, in newsletter: Newsletter, site: Site,
    network: Slug?
  ) {
    let slug = Slug(reference.value)
    let networksOfItem: [Slug]?
    if kind == .story {
      networksOfItem = slug.flatMap { site.storyIndex[$0] }.map { site.stories[$0].networkSlugs }
    } else {
      networksOfItem = slug.flatMap { site.eventIndex[$0] }.map { site.events[$0].networkSlugs }
    }
    guard let networksOfItem else {
      if let publish = unpublishedItem(kind: kind, slug: reference.value) {
        warning(
          newsletter.file, reference.location,
          "\(kind.rawValue) '\(reference.value)' is published from \(publish.written.value); until then this newsletter leaves it out"
        )
        return
      }
      let candidates =
        kind == .story ? site.stories.map(\.slug.rawValue) : site.events.map(\.slug.rawValue)
      let both = newsletter.exclude.contains(reference) ? "story or event" : kind.rawValue
      error(
        newsletter.file, reference.location,
        "\(both) '\(reference.value)' does not exist"
          + Suggestion.didYouMean(reference.value, among: candidates))
      return
    }
    if let network, !networksOfItem.contains(network) {
      error(
        newsletter.file, reference.location,
        "\(kind.rawValue) '\(reference.value)' belongs to \(networksOfItem.map { "'\($0)'" }.joined(separator: ", ")), not to this newsletter's network '\(network)'"
      )
    }
  }
}
