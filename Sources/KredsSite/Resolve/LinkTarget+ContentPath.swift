import Foundation
import KredsCalendar

extension LinkTarget {
  /// Where a content file's page is, judged from its path alone.
  init?(contentPath: String) {
    switch ContentPath.classify(contentPath) {
    case .page(let slug):
      guard let slug = Slug(slug) else { return nil }
      self = .page(slug, fragment: nil)
    case .network(let slug):
      guard let slug = Slug(slug) else { return nil }
      self = .network(slug, fragment: nil)
    case .event(_, let slug):
      guard let slug = Slug(slug) else { return nil }
      self = .event(slug, fragment: nil)
    case .story(_, let slug):
      guard let slug = Slug(slug) else { return nil }
      self = .story(slug, fragment: nil)
    case .newsletter(let network, let slug):
      guard let slug = Slug(slug) else { return nil }
      self = .newsletter(network: network.flatMap(Slug.init), slug: slug, fragment: nil)
    case .settings, .media, .stray: return nil
    }
  }

  func with(fragment: String?) -> LinkTarget {
    switch self {
    case .network(let slug, _): return .network(slug, fragment: fragment)
    case .event(let slug, _): return .event(slug, fragment: fragment)
    case .story(let slug, _): return .story(slug, fragment: fragment)
    case .page(let slug, _): return .page(slug, fragment: fragment)
    case .newsletter(let network, let slug, _):
      return .newsletter(network: network, slug: slug, fragment: fragment)
    case .external, .media, .withheld: return self
    }
  }
}
