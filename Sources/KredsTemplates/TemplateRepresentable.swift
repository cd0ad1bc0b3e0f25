/// A Swift value that has a meaning in a template: text, a flag, a list or an object. Views are
/// built only from these, so a value with no template meaning (a number, a date, a URL object)
/// does not compile where a view is filled, instead of showing as its debug description.
public protocol TemplateRepresentable {
  /// The value a template sees in a view's field.
  var templateValue: TemplateValue { get }
  /// The value a template sees as a list element or a table's entry. Text keeps its empty
  /// entries there, where a field's empty text is absent.
  var elementValue: TemplateValue { get }
}

extension TemplateRepresentable {
  public var elementValue: TemplateValue { templateValue }
}

extension TemplateValue: TemplateRepresentable {
  public var templateValue: TemplateValue { self }
}

extension String: TemplateRepresentable {
  /// Empty text is absent: a template's `{{#summary}}` must not open for an empty summary.
  public var templateValue: TemplateValue { isEmpty ? .absent : .text(self) }
  public var elementValue: TemplateValue { .text(self) }
}

extension Bool: TemplateRepresentable {
  public var templateValue: TemplateValue { .bool(self) }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
  public var templateValue: TemplateValue { .list(map(\.elementValue)) }
}

extension Dictionary: TemplateRepresentable where Key == String, Value: TemplateRepresentable {
  public var templateValue: TemplateValue { .object(mapValues(\.elementValue)) }
}
