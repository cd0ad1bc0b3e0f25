/// Which page numbers a paged list links to: the first and last pages, and two on each side of
/// the current one. A list of every page would grow with the site on every one of its pages,
/// and be hundreds of links long on a phone.
enum PageNumbers {
  /// Pages to link to, in order; nil stands for a gap of two or more pages left out. A gap of
  /// one page would take as much room as the page, so that page is shown instead.
  static func shown(current: Int, total: Int) -> [Int?] {
    guard total > 0 else { return [] }
    let near = max(1, current - 2)...min(total, current + 2)
    var shown: [Int?] = []
    var previous = 0
    for page in Set([1, total] + Array(near)).sorted() {
      if page - previous == 2 {
        shown.append(page - 1)
      } else if page - previous > 2 {
        shown.append(nil)
      }
      shown.append(page)
      previous = page
    }
    return shown
  }
}
