import Foundation
import KredsCalendar

extension Resolver {
  /// Whether the item of `files[index]` is published: not a draft (unless drafts are shown) and
  /// not waiting for its `publish:` time (unless `--future`).
  mutating func keep(_ draft: Bool, _ index: Int) -> Bool {
    let path = paths[index]
    if draft, !options.includeDrafts {
      draftPaths.insert(path)
      return false
    }
    if let publish = pendingPublish(index) {
      if !options.includeFuture {
        unpublished[path] = publish
        return false
      }
      scheduled[path] = publish
    }
    return true
  }

  /// The `publish:` time of `files[index]` when it is after `now`: its own, or its network's
  /// when that is later, for an item in a network's folder.
  mutating func pendingPublish(_ index: Int) -> PublishTime? {
    var pending = files[index].references.publish.flatMap { $0.instant > options.now ? $0 : nil }
    if !pendingNetworks.isEmpty, let network = ContentPath.networkFolder(of: paths[index]),
      let networkTime = pendingNetworks[network],
      pending.map({ networkTime.instant > $0.instant }) ?? true
    {
      pending = networkTime
    }
    return pending
  }

  func findPendingNetworks() -> [Slug: PublishTime] {
    var pending: [Slug: PublishTime] = [:]
    for file in files {
      guard case .network(let network) = file.item, let publish = file.references.publish,
        publish.instant > options.now
      else { continue }
      pending[network.slug] = publish
    }
    return pending
  }

  mutating func uniqueIndex(_ items: [(Slug, String)], kind: ItemKind) -> [Slug: Int] {
    var index: [Slug: Int] = [:]
    index.reserveCapacity(items.count)
    for (position, (slug, file)) in items.enumerated() {
      if let existing = index[slug] {
        error(
          file, .fileStart,
          "the \(kind.rawValue) slug '\(slug)' is also used by \(items[existing].1); \(kind.rawValue) slugs must be unique across the site, so rename one of the files"
        )
      } else {
        index[slug] = position
      }
    }
    return index
  }

  /// A network folder needs its index.md.
  mutating func checkNetworkFolders() {
    // The folder of a path below networks/ with three or four parts, and the number of parts,
    // found in one pass over the bytes: most paths have other lengths, and splitting every
    // path would cost more than all the rest of the check.
    func folder(_ path: String) -> (name: Substring, parts: Int, file: Substring)? {
      let prefix = "networks/".utf8
      guard path.utf8.starts(with: prefix) else { return nil }
      var slashes = 0
      var first = path.utf8.endIndex
      var last = path.utf8.endIndex
      var index = path.utf8.index(path.utf8.startIndex, offsetBy: prefix.count)
      while index < path.utf8.endIndex {
        if path.utf8[index] == UInt8(ascii: "/") {
          slashes += 1
          if slashes > 2 { return nil }
          if slashes == 1 { first = index }
          last = index
        }
        index = path.utf8.index(after: index)
      }
      guard slashes > 0 else { return nil }
      let name = path[path.utf8.index(path.utf8.startIndex, offsetBy: prefix.count)..<first]
      let file = path[path.utf8.index(after: last)...]
      return (name, slashes + 2, file)
    }
    var declared: Set<Substring> = []
    var inFolders: [(folder: Substring, path: String)] = []
    for path in paths {
      guard let found = folder(path) else { continue }
      if found.parts == 3, found.file == "index.md" { declared.insert(found.name) }
      // The first file of each folder is enough: a folder's files are listed one after another.
      if found.parts == 4, inFolders.last?.folder != found.name {
        inFolders.append((found.name, path))
      }
    }
    var reported: Set<Substring> = []
    for (folder, path) in inFolders
    where !declared.contains(folder) && reported.insert(folder).inserted {
      error(
        path, .fileStart,
        "the network folder '\(folder)' has no index.md; add networks/\(folder)/index.md with the network's 'title' and 'summary'"
      )
    }
  }

  mutating func checkNetworks(_ listed: [Located<String>], file: String, known: Set<Slug>) {
    for reference in listed {
      if let slug = Slug(reference.value), known.contains(slug) { continue }
      if let slug = Slug(reference.value), let publish = pendingNetworks[slug] {
        warning(
          file, reference.location,
          "network '\(reference.value)' is published from \(publish.written.value); until then this is not shown under it"
        )
        continue
      }
      error(
        file, reference.location,
        "network '\(reference.value)' does not exist"
          + Suggestion.didYouMean(reference.value, among: known.map(\.rawValue).sorted()))
    }
  }

  mutating func checkMediaPath(_ path: Located<String>, file: String) {
    guard !mediaPaths.contains(path.value) else { return }
    error(
      file, path.location,
      "the file '\(path.value)' does not exist in the content folder"
        + Suggestion.didYouMean(path: path.value, among: mediaPaths))
  }

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

  /// The `publish:` time of the story or event named `slug` when it waits for it.
  func unpublishedItem(kind: ItemKind, slug: String) -> PublishTime? {
    for (path, publish) in unpublished {
      switch ContentPath.classify(path) {
      case .story(_, let found) where kind == .story && found == slug: return publish
      case .event(_, let found) where kind == .event && found == slug: return publish
      default: continue
      }
    }
    return nil
  }
}
