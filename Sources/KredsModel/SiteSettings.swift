import Foundation

/// `site.yaml`.
public struct SiteSettings: Sendable {
  public var title: String
  /// Absolute, always ending in `/`.
  public var baseURL: String
  public var language: Language = .da
  public var timeZone: TimeZone
  public var description: String?
  public var organisation: Organisation?
  public var newsletterUpcomingDays = 60
  public var newsletterUnsubscribe: String?
  public var postalAddress: String?
  public var unsafeHTML = false
  /// `search:` — whether the site has a search page and index (SITE.md, "Search").
  public var search = true
  /// The address of the site's accessibility statement (`accessibility_statement:`), made with
  /// the Danish Agency for Digital Government's WAS tool: linked from every page and from `/was/`.
  public var accessibilityStatement: String?

  public init(title: String, baseURL: String, timeZone: TimeZone) {
    self.title = title
    self.baseURL = Self.withTrailingSlash(baseURL)
    self.timeZone = timeZone
  }

  /// `url` as ``baseURL`` keeps it: ending in `/`.
  public static func withTrailingSlash(_ url: String) -> String {
    url.hasSuffix("/") ? url : url + "/"
  }

  /// The path part of `baseURL`: `/` or e.g. `/netvaerk/`.
  public var basePath: String {
    guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
    let rest = baseURL[schemeEnd.upperBound...]
    guard let slash = rest.firstIndex(of: "/") else { return "/" }
    return String(rest[slash...])
  }

  /// The host of `baseURL`, used in default calendar UIDs.
  public var host: String {
    guard let schemeEnd = baseURL.range(of: "://") else { return baseURL }
    let rest = baseURL[schemeEnd.upperBound...]
    let hostAndPort = rest.prefix { $0 != "/" }
    return String(hostAndPort.prefix { $0 != ":" })
  }
}
