import KredsTemplates

/// A template's view of a value: an object in which every key the contract names is present.
/// Absent values are ``TemplateValue/absent`` rather than missing, because Mustache looks a
/// missing key up in the enclosing contexts (an event card without `networks` would show the
/// page's networks), and an empty string counts as true in a section.
struct View {
  private(set) var values: [String: TemplateValue] = [:]

  init() {}

  init(_ pairs: [String: Any?]) {
    values.reserveCapacity(pairs.count)
    for (key, value) in pairs { self[key] = value }
  }

  subscript(key: String) -> Any? {
    get { values[key] }
    set { values[key] = Self.templateValue(newValue) }
  }

  /// The value a template sees. Empty text is absent; a table of texts (the interface text)
  /// keeps its empty entries as text, as it always did.
  static func templateValue(_ value: Any?) -> TemplateValue {
    switch value {
    case nil: return .absent
    case let text as String: return text.isEmpty ? .absent : .text(text)
    case let flag as Bool: return .bool(flag)
    case let view as View: return .object(view.values)
    case let views as [View]: return .list(views.map { .object($0.values) })
    case let value as TemplateValue: return value
    case let texts as [String]: return .list(texts.map { .text($0) })
    case let table as [String: String]: return .object(table.mapValues { .text($0) })
    case let value?: return .text(String(describing: value))
    }
  }
}
