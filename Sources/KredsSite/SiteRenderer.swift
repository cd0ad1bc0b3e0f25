import Foundation

/// The render step: ``Site`` → every output file, on all cores.
public enum SiteRenderer {
  public static func render(_ site: Site, theme: Theme) -> [OutputFile] {
    SitePlan(site: site, theme: theme).renderAll()
  }

  static func sitemap(pages: [String], urls: SiteURLs) -> OutputFile {
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
