/// A parsed template: names are split and sections nested once, when the theme loads.
enum TemplateNode: Sendable {
  case text(String)
  /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (not escaped).
  case value(TemplateName, escaped: Bool)
  case section(TemplateName, [TemplateNode])
  case invertedSection(TemplateName, [TemplateNode])
  /// `{{> name}}`, or `{{< name}}…{{/name}}` with the `{{$block}}`s it overrides. Standalone on
  /// its line, `indentation` is the whitespace before the tag, put before every line it writes.
  case partial(name: String, indentation: String, overrides: [String: [TemplateNode]]?)
  /// `{{$name}}default{{/name}}` in a template others inherit from.
  case block(name: String, defaultNodes: [TemplateNode], indentation: String)
  /// `{{% CONTENT_TYPE: TEXT }}` (false) or `HTML` (true): whether `{{name}}` escapes from here on.
  case escaping(Bool)
  /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: an override. Only the parser sees these;
  /// it collects them into the parent's `.partial`.
  case definition(name: String, nodes: [TemplateNode])
}

/// A tag's name: where it points, and the transforms applied to what it finds, innermost first
/// (`{{#empty(events)}}` is `events` with `empty`).
struct TemplateName: Sendable {
  var path: TemplatePath
  var transforms: [TemplateTransform]
}

/// swift-mustache's transforms on the values Kreds gives templates. The rest of its list
/// (`sorted`, `enumerated`, number arithmetic) has nothing to work on in Kreds' view models.
enum TemplateTransform: String, Sendable, CaseIterable {
  /// Text, lists and objects: true when there is nothing in them.
  case empty
  /// Lists and objects: the number of elements.
  case count
  /// Lists: an element. In a list's section with no name (`{{#first()}}`): whether this is the
  /// first or last element.
  case first, last
  /// Lists: in reverse order; text: backwards.
  case reversed
  /// Text.
  case capitalized, lowercased, uppercased
  /// In a list's section with no name: the element's number from 0, and whether it is even or odd.
  case index, even, odd
}

/// Where a tag's name points.
enum TemplatePath: Sendable, Equatable {
  /// `{{#first()}}`: the position in the list whose section this is.
  case position
  /// `{{.}}`: the innermost value.
  case current
  /// `{{a.b}}`: `a` is looked for from the innermost value outwards, `b` only inside `a`.
  case searched([String])
  /// `{{.a.b}}`: `a` only in the innermost value.
  case innermost([String])

  /// The name as written, for strict mode's report; nil for paths that name no value.
  var writtenNames: String? {
    switch self {
    case .position, .current: return nil
    case .searched(let names): return names.joined(separator: ".")
    case .innermost(let names): return "." + names.joined(separator: ".")
    }
  }

  init(_ name: String) {
    let parts = name.split(separator: ".").map(String.init)
    if name == "." || parts.isEmpty {
      self = .current
    } else if name.hasPrefix(".") {
      self = .innermost(parts)
    } else {
      self = .searched(parts)
    }
  }
}

/// Every template name a node list refers to with `{{>…}}` or `{{<…}}`, for checking that they
/// exist when the theme loads.
extension Array where Element == TemplateNode {
  var partialNames: [String] {
    var names: [String] = []
    for node in self {
      switch node {
      case .section(_, let nodes), .invertedSection(_, let nodes):
        names += nodes.partialNames
      case .partial(let name, _, let overrides):
        names.append(name)
        for nodes in (overrides ?? [:]).values { names += nodes.partialNames }
      case .block(_, let nodes, _):
        names += nodes.partialNames
      case .definition(_, let nodes):
        names += nodes.partialNames
      case .text, .value, .escaping:
        break
      }
    }
    return names
  }
}
