import Foundation
import KredsCalendar

extension Resolver {
  /// Links between items, the networks they name, the media they use and the items newsletters
  /// select.
  mutating func resolveReferences(
    networks: [Network], events: [Event], stories: [Story], pages: [Page],
    newsletters: [Newsletter], site built: inout Site
  ) {
    // Items by index: a `for event in events` copies each event, and every string in it.
    itemsByPath.reserveCapacity(files.count)
    for index in networks.indices {
      itemsByPath[networks[index].file] = .network(networks[index].slug, fragment: nil)
    }
    for index in events.indices {
      itemsByPath[events[index].file] = .event(events[index].slug, fragment: nil)
    }
    for index in stories.indices {
      itemsByPath[stories[index].file] = .story(stories[index].slug, fragment: nil)
    }
    for page in pages { itemsByPath[page.file] = .page(page.slug, fragment: nil) }
    for newsletter in newsletters {
      itemsByPath[newsletter.file] = .newsletter(
        network: newsletter.network, slug: newsletter.slug, fragment: nil)
    }

    // Files that failed to parse still exist: a link to one is not "missing".
    for path in paths
    where itemsByPath[path] == nil && !draftPaths.contains(path) && unpublished[path] == nil {
      if let target = LinkTarget(contentPath: path) { itemsByPath[path] = target }
    }
    let networkSlugs = Set(networks.map(\.slug))
    var targets: [String: [LinkTarget]] = [:]
    var imageOrigins: Set<String> = []
    targets.reserveCapacity(files.count)
    // By index, to pair each file with its path in `paths`.
    for index in files.indices where !draftPaths.contains(paths[index]) {
      let path = paths[index]
      checkNetworks(files[index].references.networks, file: path, known: networkSlugs)
      for media in files[index].references.media { checkMediaPath(media, file: path) }
      if let body = files[index].references.body {
        let resolved = resolveLinks(body, file: path)
        targets[path] = resolved
        for (link, target) in zip(body.links, resolved) where link.isImage {
          if case .external(let url) = target, let origin = Self.webOrigin(of: url) {
            imageOrigins.insert(origin)
          }
        }
      }
      checkMediaUses(
        file: path, references: files[index].references, bodyTargets: targets[path] ?? [],
        site: &built)
    }
    built.mediaFacts = options.mediaFacts
    reportLocatedPhotos()
    checkUnusedMedia(site: built)
    checkVariantNames(site: built)
    checkNewsletters(newsletters, site: built)
    built.linkTargets = targets
    built.externalImageOrigins = imageOrigins.sorted()
  }

  /// `https://host[:port]` of an https address, as a Content Security Policy names a source.
  static func webOrigin(of address: String) -> String? {
    guard let url = URLComponents(string: address), url.scheme?.lowercased() == "https",
      let host = url.host, !host.isEmpty
    else { return nil }
    return "https://" + host.lowercased() + (url.port.map { ":\($0)" } ?? "")
  }

  /// Two events with one UID would be one event to a calendar app: the later one would replace
  /// the other in every subscriber's calendar.
  mutating func checkCalendarUIDs(_ site: Site) {
    // Two default uids only collide when the slugs do, which is reported already: without a
    // written uid there is nothing to check.
    guard site.events.contains(where: { $0.uid != nil }) else { return }
    var seen: [String: (file: String, uid: String?)] = [:]
    let host = site.settings.host
    for event in site.events {
      let uid = Site.calendarUID(of: event, host: host)
      guard let earlier = seen[uid] else {
        seen[uid] = (event.file, event.uid)
        continue
      }
      // Two default uids only collide when the slugs do, which is reported already.
      if event.uid == nil, earlier.uid == nil { continue }
      error(
        event.file, event.uidLocation ?? .fileStart,
        "the calendar uid '\(uid)' is also the uid of \(earlier.file); calendar apps would treat the two events as one, so give each event its own 'uid' (or remove 'uid' to use the default)"
      )
    }
  }
}
