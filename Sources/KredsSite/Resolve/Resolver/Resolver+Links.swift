import Foundation
import KredsCalendar

extension Resolver {
  mutating func resolveLinks(_ body: Body, file: String) -> [LinkTarget] {
    body.links.map { resolve($0, file: file) }
  }

  mutating func resolve(_ link: BodyLink, file: String) -> LinkTarget {
    // Problems a link has on its own (scheme, alt text) were reported by the parse step.
    let destination = link.destination
    if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//")
      || LinkScheme.of(destination) != nil
    {
      return .external(destination)
    }

    var pathPart = destination
    var fragment: String?
    if let hash = pathPart.firstIndex(of: "#") {
      fragment = String(pathPart[pathPart.index(after: hash)...])
      pathPart = String(pathPart[..<hash])
    }
    if pathPart.contains("?") {
      error(
        file, link.location,
        "a link to a file of the site cannot have a query ('?'); remove it from '\(destination)'")
      return .external(destination)
    }
    let decoded =
      pathPart.utf8.contains(UInt8(ascii: "%"))
      ? pathPart.removingPercentEncoding ?? pathPart : pathPart
    guard let path = LinkScheme.normalise(decoded, relativeTo: file) else {
      error(
        file, link.location,
        "'\(destination)' points outside the content folder; link to content files or to files in media/"
      )
      return .external(destination)
    }
    if path.hasPrefix("media/") {
      if mediaPaths.contains(path) { return .media(path) }
      error(
        file, link.location,
        "'\(destination)' points at \(path), which does not exist"
          + Suggestion.didYouMean(path: path, among: mediaPaths))
      return .external(destination)
    }
    if link.isImage {
      error(
        file, link.location,
        "the image '\(destination)' must be a file in media/ or an https:// address")
      return .external(destination)
    }
    if path.hasSuffix(".md") {
      if let target = itemsByPath[path] { return target.with(fragment: fragment) }
      if let publish = unpublished[path] {
        warning(
          file, link.location,
          "'\(destination)' links to \(path), which is published from \(publish.written.value); until then the link is left out and its text shown alone"
        )
        return .withheld
      }
      if draftPaths.contains(path) {
        error(
          file, link.location,
          "'\(destination)' links to \(path), which is a draft and is not published; remove the link or publish the draft"
        )
      } else {
        error(
          file, link.location,
          "'\(destination)' links to \(path), which does not exist"
            + Suggestion.didYouMean(path: path, among: Set(itemsByPath.keys)))
      }
      return .external(destination)
    }
    error(
      file, link.location,
      "'\(destination)' is not a content file (.md) or a file in media/; link to one of those or to a full https:// address"
    )
    return .external(destination)
  }
}
