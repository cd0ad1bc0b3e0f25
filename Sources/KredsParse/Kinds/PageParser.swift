import Yams

/// `pages/<slug>.md` (CONTENT.md, "Page").
package enum PageParser {
  package static let keys = ["title", "summary", "menu", "draft", "publish"]

  package static func parse(_ root: Node, slug: Slug, context: ItemContext) -> Page? {
    guard let reader = context.reader(root, known: keys) else { return nil }
    let title = reader.text(
      "title", required: true, maxLength: 200, hint: "add the page's title, e.g. 'title: Om os'")
    let summary = reader.text("summary", maxLength: 300)
    let menu = reader.integer("menu", range: Int.min...Int.max)
    let draft = reader.draft()
    reader.publish(in: context.defaultTimeZone)
    let body = context.takeBody()
    guard let title else { return nil }
    var page = Page(slug: slug, file: context.file, title: title)
    page.summary = summary
    page.menu = menu?.value
    page.draft = draft
    page.body = body
    return page
  }
}
