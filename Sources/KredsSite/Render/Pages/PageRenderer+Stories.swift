import Foundation

/// The stories' pages: the list in pages of `storiesPerPage`, and each story.
extension PageRenderer {
  func stories(_ number: Int) -> OutputFile {
    let total = max(1, (site.stories.count + Self.storiesPerPage - 1) / Self.storiesPerPage)
    let slice = site.stories.dropFirst((number - 1) * Self.storiesPerPage).prefix(
      Self.storiesPerPage)
    var view = View()
    view["stories"] = slice.map(builder.storyCard)
    view["pagination"] = nil
    if total > 1 {
      var pagination = View([
        "current": String(number), "total": String(total),
        "previousURL": number > 1 ? urls.stories(page: number - 1) : nil,
        "nextURL": number < total ? urls.stories(page: number + 1) : nil,
      ])
      pagination["pages"] = PageNumbers.shown(current: number, total: total).map { page in
        guard let page else { return View(["gap": true]) }
        var item = View(["number": String(page), "url": urls.stories(page: page)])
        item["current"] = page == number
        return item
      }
      view["pagination"] = pagination
    }
    let title =
      number == 1
      ? builder.label("stories")
      : "\(builder.label("stories")) · \(builder.label("page")) \(number)"
    return output(
      template: "stories", path: urls.stories(page: number), title: title, description: nil,
      view: view)
  }

  func story(_ story: Story) -> OutputFile {
    var view = View()
    view["story"] = builder.storyView(story)
    return output(
      template: "story", path: urls.story(story.slug), title: story.title,
      description: story.effectiveSummary,
      ogType: "article", image: story.image, view: view, sourceFile: story.file)
  }
}
