import Foundation

extension SiteSettings {
  /// The settings with another `base_url` (`--base-url`), every other field kept.
  func withBaseURL(_ url: String) -> SiteSettings {
    var copy = self
    copy.baseURL = Self.withTrailingSlash(url)
    return copy
  }
}
