import Foundation

/// One parsed content file.
public enum ContentItem: Sendable {
  case settings(SiteSettings)
  case network(Network)
  case event(Event)
  case story(Story)
  case newsletter(Newsletter)
  case page(Page)
  /// A file under `media/`, copied unchanged.
  case media(path: String)
}
