import Mustache

/// A template's view of a value: a dictionary in which every key the contract names is present.
/// Absent values are ``Absent`` rather than missing, because Mustache looks a missing key up in
/// the enclosing contexts (an event card without `networks` would show the page's networks),
/// and an empty string counts as true in a section.
struct View {
  private(set) var values: [String: Any] = [:]

  init() {}

  init(_ pairs: [String: Any?]) {
    for (key, value) in pairs { self[key] = value }
  }

  subscript(key: String) -> Any? {
    get { values[key] }
    set {
      switch newValue {
      case nil: values[key] = Absent()
      case let text as String where text.isEmpty: values[key] = Absent()
      case let view as View: values[key] = view.values
      case let views as [View]: values[key] = views.map(\.values)
      case let value?: values[key] = value
      }
    }
  }
}

/// A value that is not there: renders as nothing, is false in sections, and stops Mustache from
/// looking the key up further out.
struct Absent: MustacheCustomRenderable {
  var renderText: String { "" }
  var isNull: Bool { true }
}
