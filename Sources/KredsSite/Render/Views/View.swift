import KredsTemplates

/// A template's view of a value: an object in which every key the contract names is present.
/// Absent values are ``TemplateValue/absent`` rather than missing, because Mustache looks a
/// missing key up in the enclosing contexts (an event card without `networks` would show the
/// page's networks), and an empty string counts as true in a section.
///
/// Only ``TemplateRepresentable`` values go in: text, flags, lists, objects and other views.
struct View: TemplateRepresentable {
  private(set) var values: [String: TemplateValue] = [:]

  init() {}

  init(_ pairs: [String: (any TemplateRepresentable)?]) {
    values.reserveCapacity(pairs.count)
    for (key, value) in pairs { self[key] = value }
  }

  /// Setting nil makes the key absent, not missing.
  subscript(key: String) -> (any TemplateRepresentable)? {
    get { values[key] }
    set { values[key] = newValue?.templateValue ?? .absent }
  }

  var templateValue: TemplateValue { .object(values) }
}
