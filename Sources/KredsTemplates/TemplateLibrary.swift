/// A theme's templates, parsed once, by name: renders a ``TemplateValue`` through one of them.
///
/// Mustache as the specification defines it, with partials, inheritance (`{{<parent}}`,
/// `{{$block}}`) and the `CONTENT_TYPE` pragma; not lambdas, transforms or dynamic partial names.
public struct TemplateLibrary: Sendable {
  private var templates: [String: [TemplateNode]] = [:]
  private let escapeHTML: @Sendable (String) -> String

  /// `escapeHTML` escapes `{{value}}` (not `{{{value}}}`) while the content type is HTML, the
  /// default at the start of every template.
  public init(escapeHTML: @escaping @Sendable (String) -> String) {
    self.escapeHTML = escapeHTML
  }

  /// Parses `text` and keeps it under `name`, replacing a template of that name.
  public mutating func add(_ text: String, named name: String) throws(TemplateSyntaxError) {
    templates[name] = try TemplateParser.parse(text)
  }

  public var names: [String] { Array(templates.keys) }

  /// The templates that `{{> name}}` or `{{< name}}` in `template` refer to but the library
  /// lacks, which would render as nothing.
  public func missingPartials(of template: String) -> [String] {
    var missing: [String] = []
    for name in templates[template]?.partialNames ?? [] where templates[name] == nil {
      if !missing.contains(name) { missing.append(name) }
    }
    return missing
  }

  /// A chain of templates that ends where it started (`["page", "card", "page"]`) when
  /// `template` includes itself through `{{>…}}` or `{{<…}}`. Rendering it would never end:
  /// Kreds' view models hold no trees for a recursive partial to walk down.
  public func inclusionCycle(from template: String) -> [String]? {
    var path: [String] = [template]
    var finished: Set<String> = []
    func visit(_ name: String) -> [String]? {
      for next in Set(templates[name]?.partialNames ?? []).sorted() where templates[next] != nil {
        if let start = path.firstIndex(of: next) { return Array(path[start...]) + [next] }
        guard !finished.contains(next) else { continue }
        path.append(next)
        if let cycle = visit(next) { return cycle }
        path.removeLast()
        finished.insert(next)
      }
      return nil
    }
    return visit(template)
  }

  /// `value` rendered through the template `name`; nil when there is no such template.
  public func render(_ value: TemplateValue, template name: String) -> String? {
    guard let nodes = templates[name] else { return nil }
    var rendering = TemplateRendering(templates: templates, escapeHTML: escapeHTML, root: value)
    rendering.render(nodes, indentation: "", overrides: nil, escaping: true, position: nil)
    return rendering.output
  }

  /// ``render(_:template:)`` in strict mode: also the names (`title`, `event.place.name`) that
  /// a tag looked up and no context held. Mustache renders such a name as nothing, so a typo in
  /// a template, or a view that lacks a key its template expects, would go unseen.
  public func renderNamingMissing(_ value: TemplateValue, template name: String) -> (
    text: String, missing: Set<String>
  )? {
    guard let nodes = templates[name] else { return nil }
    var rendering = TemplateRendering(templates: templates, escapeHTML: escapeHTML, root: value)
    rendering.missing = []
    rendering.render(nodes, indentation: "", overrides: nil, escaping: true, position: nil)
    return (rendering.output, rendering.missing ?? [])
  }
}

/// One render: the output so far and the stack of values the tags are looked up in.
private struct TemplateRendering {
  let templates: [String: [TemplateNode]]
  let escapeHTML: @Sendable (String) -> String
  var output = ""
  var stack: [TemplateValue]
  /// Names no context held, collected in strict mode only.
  var missing: Set<String>?

  init(
    templates: [String: [TemplateNode]], escapeHTML: @escaping @Sendable (String) -> String,
    root: TemplateValue
  ) {
    self.templates = templates
    self.escapeHTML = escapeHTML
    stack = [root]
    stack.reserveCapacity(16)
    output.reserveCapacity(16_384)
  }

  /// Renders `nodes`. `indentation` goes before every line a standalone partial writes;
  /// `overrides` are the blocks of the `{{<parent}}` being rendered; `escaping` is the content
  /// type at the start of the nodes (a pragma changes it until their end); `position` is the
  /// element's place when the nodes are directly a list's section.
  mutating func render(
    _ nodes: [TemplateNode], indentation: String, overrides: [String: [TemplateNode]]?,
    escaping: Bool, position: ListPosition?
  ) {
    var escaping = escaping
    for node in nodes {
      switch node {
      case .text(let text):
        write(text, indentation: indentation)
      case .value(let name, let escaped):
        guard let value = lookUp(name, position) else { continue }
        let text = value.renderedText
        write(escaped && escaping ? escapeHTML(text) : text, indentation: indentation)
      case .section(let name, let body):
        guard let value = lookUp(name, position) else { continue }
        switch value {
        case .list(let items):
          for (index, item) in items.enumerated() {
            stack.append(item)
            render(
              body, indentation: indentation, overrides: overrides, escaping: escaping,
              position: ListPosition(index: index, isLast: index == items.count - 1))
            stack.removeLast()
          }
        case .bool(let flag):
          if flag {
            render(
              body, indentation: indentation, overrides: overrides, escaping: escaping,
              position: position)
          }
        case .absent:
          break
        case .text, .object:
          stack.append(value)
          render(
            body, indentation: indentation, overrides: overrides, escaping: escaping, position: nil)
          stack.removeLast()
        }
      case .invertedSection(let name, let body):
        switch lookUp(name, position) {
        case nil, .absent?, .bool(false)?:
          render(
            body, indentation: indentation, overrides: overrides, escaping: escaping,
            position: position)
        case .list(let items)? where items.isEmpty:
          stack.append(.list(items))
          render(
            body, indentation: indentation, overrides: overrides, escaping: escaping, position: nil)
          stack.removeLast()
        default:
          break
        }
      case .partial(let name, let indent, let blocks):
        guard let partial = templates[name] else { continue }
        var merged = overrides
        if let blocks {
          // The outermost override of a block wins, as in swift-mustache.
          merged = overrides.map { $0.merging(blocks) { outer, _ in outer } } ?? blocks
        }
        render(
          partial, indentation: indentation + indent, overrides: merged, escaping: true,
          position: nil)
      case .block(let name, let defaultNodes, let indent):
        // Inside its own override a block stands for its default: an override that holds
        // `{{$main}}` again would otherwise render itself forever.
        var inner = overrides
        let nodes = inner?.removeValue(forKey: name) ?? defaultNodes
        render(
          nodes, indentation: indentation + indent, overrides: inner, escaping: escaping,
          position: nil)
      case .escaping(let flag):
        escaping = flag
      case .definition:
        break
      }
    }
  }

  private mutating func write(_ text: String, indentation: String) {
    guard !text.isEmpty else { return }
    if !indentation.isEmpty, output.utf8.last == UInt8(ascii: "\n") { output += indentation }
    output += text
  }

  /// What a tag's name stands for here; nil when it is nowhere, or a transform does not apply.
  private mutating func lookUp(_ name: TemplateName, _ position: ListPosition?) -> TemplateValue? {
    var transforms = name.transforms[...]
    let found: TemplateValue?
    switch name.path {
    case .position:
      // `first()`: the first transform asks the list position, the others apply to its answer.
      guard let position, let first = transforms.popFirst() else { return nil }
      found = position.transform(first)
    case .current:
      found = stack.last
    case .innermost(let names):
      found = stack.last.flatMap { descend(from: $0, through: names[...]) }
    case .searched(let names):
      found = stack.reversed().lazy.compactMap { $0.child(named: names[0]) }.first.flatMap {
        descend(from: $0, through: names.dropFirst())
      }
    }
    guard let found else {
      if missing != nil, let written = name.path.writtenNames { missing?.insert(written) }
      return nil
    }
    return apply(transforms, to: found)
  }

  private func apply(_ transforms: ArraySlice<TemplateTransform>, to value: TemplateValue)
    -> TemplateValue?
  {
    var value = value
    for transform in transforms {
      guard let result = value.transformed(by: transform) else { return nil }
      value = result
    }
    return value
  }

  private func descend(from value: TemplateValue, through names: ArraySlice<String>)
    -> TemplateValue?
  {
    var value = value
    for name in names {
      guard let child = value.child(named: name) else { return nil }
      value = child
    }
    return value
  }
}

/// Where an element stands in the list whose section is being rendered.
struct ListPosition {
  var index: Int
  var isLast: Bool

  func transform(_ transform: TemplateTransform) -> TemplateValue? {
    switch transform {
    case .first: return .bool(index == 0)
    case .last: return .bool(isLast)
    case .index: return .text(String(index))
    case .even: return .bool(index & 1 == 0)
    case .odd: return .bool(index & 1 == 1)
    default: return nil
    }
  }
}
