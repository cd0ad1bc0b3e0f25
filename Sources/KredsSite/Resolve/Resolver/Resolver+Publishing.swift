import Foundation
import KredsCalendar

/// Drafts and `publish:` times: which items a build keeps, and which wait for their time.
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
