/// What a file is, judged from where it lies in the content folder (CONTENT.md, "Folder layout").
package enum ContentPath: Equatable {
  case settings
  case media
  case page(slug: String)
  case network(slug: String)
  case event(network: String?, slug: String)
  case story(network: String?, slug: String)
  case newsletter(network: String?, slug: String)
  /// Anything else: a mistake the editor should hear about.
  case stray(reason: String)

  package static func classify(_ path: String) -> ContentPath {
    let parts = path.split(separator: "/").map(String.init)
    if parts == ["site.yaml"] { return .settings }
    if parts.first == "media", parts.count > 1 { return .media }
    guard let last = parts.last else { return .stray(reason: "empty path") }
    guard last.hasSuffix(".md") else {
      if last.hasSuffix(".markdown") || last.hasSuffix(".MD") || last.hasSuffix(".mdown") {
        return .stray(reason: "content files must end in '.md'; rename it to '\(stem(last)).md'")
      }
      if parts == ["site.yml"] {
        return .stray(reason: "the settings file must be called 'site.yaml'")
      }
      return .stray(
        reason:
          "only '.md' content files belong outside the media folder; move it to media/ or delete it"
      )
    }
    let slug = stem(last)
    switch parts.count {
    case 2 where parts[0] == "pages": return .page(slug: slug)
    case 2 where parts[0] == "events": return .event(network: nil, slug: slug)
    case 2 where parts[0] == "stories": return .story(network: nil, slug: slug)
    case 2 where parts[0] == "newsletters": return .newsletter(network: nil, slug: slug)
    case 3 where parts[0] == "networks" && last == "index.md": return .network(slug: parts[1])
    case 4 where parts[0] == "networks" && parts[2] == "events":
      return .event(network: parts[1], slug: slug)
    case 4 where parts[0] == "networks" && parts[2] == "stories":
      return .story(network: parts[1], slug: slug)
    case 4 where parts[0] == "networks" && parts[2] == "newsletters":
      return .newsletter(network: parts[1], slug: slug)
    default:
      return .stray(
        reason:
          "Kreds does not read Markdown files here; put it in pages/, events/, stories/, newsletters/ or networks/<network>/(events|stories|newsletters)/, or networks/<network>/index.md for a network"
      )
    }
  }

  private static func stem(_ name: String) -> String {
    guard let dot = name.lastIndex(of: ".") else { return name }
    return String(name[..<dot])
  }
}

extension ContentPath {
  /// The network whose folder holds the event, story or newsletter at `path`, if any.
  package static func networkFolder(of path: String) -> Slug? {
    switch classify(path) {
    case .event(let network, _), .story(let network, _), .newsletter(let network, _):
      return network.flatMap(Slug.init)
    default: return nil
    }
  }
}
