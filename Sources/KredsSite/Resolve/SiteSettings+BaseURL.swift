import Foundation

extension SiteSettings {
  /// The settings with another `base_url` (`--base-url`), every other field kept.
  func withBaseURL(_ url: String) -> SiteSettings {
    var copy = self
    copy.baseURL = Self.withTrailingSlash(url)
    return copy
  }

  /// Whether `text` can be a site's `base_url`: a web address with a host and no query or
  /// fragment, the rule `site.yaml` is checked by.
  public static func isUsableBaseURL(_ text: String) -> Bool {
    Validation.isWebURL(text) && !text.contains("?") && !text.contains("#")
  }
}
