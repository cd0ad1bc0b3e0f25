import Foundation

/// What a template sees: text, flags, lists and objects, with no dynamic casts left to do while
/// rendering (swift-mustache looked every name up through `Any`, and the casts were the larger
/// part of a build's time).
public enum TemplateValue: Sendable {
  /// A value that is explicitly not there: renders as nothing, is false in a section, and stops
  /// the lookup, so a card without `summary` never shows the page's `summary`.
  case absent
  /// Text; always true in a section, even when empty.
  case text(String)
  case bool(Bool)
  /// Renders its section once per element; false in a section when empty.
  case list([TemplateValue])
  case object([String: TemplateValue])

  /// The value of `name` when this is an object. Nil when there is no such key, which lets the
  /// lookup go on in the enclosing contexts.
  @inlinable
  public func child(named name: String) -> TemplateValue? {
    guard case .object(let fields) = self else { return nil }
    return fields[name]
  }

  /// The text `{{name}}` writes before escaping. Lists and objects write nothing: a template
  /// names their fields instead.
  var renderedText: String {
    switch self {
    case .text(let text): return text
    case .bool(let flag): return flag ? "true" : "false"
    case .absent, .list, .object: return ""
    }
  }

  /// The value after a transform, as swift-mustache computes it; nil when the transform does not
  /// apply to this kind of value.
  func transformed(by transform: TemplateTransform) -> TemplateValue? {
    switch (self, transform) {
    case (.text(let text), .empty): return .bool(text.isEmpty)
    case (.text(let text), .capitalized): return .text(text.capitalized)
    case (.text(let text), .lowercased): return .text(text.lowercased())
    case (.text(let text), .uppercased): return .text(text.uppercased())
    case (.text(let text), .reversed): return .text(String(text.reversed()))
    case (.list(let items), .empty): return .bool(items.isEmpty)
    case (.list(let items), .count): return .text(String(items.count))
    case (.list(let items), .first): return items.first
    case (.list(let items), .last): return items.last
    case (.list(let items), .reversed): return .list(items.reversed())
    case (.object(let fields), .empty): return .bool(fields.isEmpty)
    case (.object(let fields), .count): return .text(String(fields.count))
    default: return nil
    }
  }
}
