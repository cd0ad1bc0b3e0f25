import Foundation
import KredsBuild
import KredsSite

/// Reads `--now`: a local time in the site's time zone, or an ISO 8601 instant.
enum NowParser {
  static func parse(_ text: String, contentFolder: URL) -> Date? {
    let formatter = ISO8601DateFormatter()
    if let date = formatter.date(from: text) { return date }
    guard let local = LocalDateTime(parsing: text) else { return nil }
    return local.instant(in: siteTimeZone(contentFolder))
  }

  /// The site's zone from site.yaml when it can be read, for `--now` in local time.
  private static func siteTimeZone(_ contentFolder: URL) -> TimeZone {
    SiteSettingsFile.read(in: contentFolder)?.timeZone ?? ContentParser.fallbackTimeZone
  }
}
