import Foundation

/// `sitemap.xml`: every page of the site, for search engines (SITE.md).
enum Sitemap {
  /// The sitemap of `pages`, the output paths of the site's HTML files, with `lastmod` for
  /// those in `lastChanged` (pages of one item whose last change is known).
  static func file(
    pages: [String], lastChanged: [String: Date] = [:], zone: TimeZone = .gmt, urls: SiteURLs
  )
    -> OutputFile
  {
    var xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    for page in pages.filter({ $0.hasSuffix("index.html") }).sorted() {
      let path = urls.basePath + page.dropLast("index.html".count)
      let loc = "<loc>\(XMLText.escape(urls.absolute(path)))</loc>"
      if let changed = lastChanged[page] {
        xml += "  <url>\(loc)<lastmod>\(DateText.isoInstant(changed, zone: zone))</lastmod></url>\n"
      } else {
        xml += "  <url>\(loc)</url>\n"
      }
    }
    xml += "</urlset>\n"
    return OutputFile(path: "sitemap.xml", text: xml)
  }
}
