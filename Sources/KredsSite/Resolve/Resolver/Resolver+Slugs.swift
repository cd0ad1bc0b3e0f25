import Foundation
import KredsCalendar

/// Slugs unique across the site, for each kind.
extension Resolver {
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
}
