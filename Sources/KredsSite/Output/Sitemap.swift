import Foundation

/// `sitemap.xml`: every page of the site, for search engines (SITE.md).
enum Sitemap {
  /// The sitemap of `pages`, the output paths of the site's HTML files.
  static func file(pages: [String], urls: SiteURLs) -> OutputFile {
    var xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    for page in pages.filter({ $0.hasSuffix("index.html") }).sorted() {
      let path = urls.basePath + page.dropLast("index.html".count)
      xml += "  <url><loc>\(XMLText.escape(urls.absolute(path)))</loc></url>\n"
    }
    xml += "</urlset>\n"
    return OutputFile(path: "sitemap.xml", text: xml)
  }
}
