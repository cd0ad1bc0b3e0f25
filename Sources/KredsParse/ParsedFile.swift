import Foundation

/// What parsing one file gave: the item (nil when the file has errors that make it unusable)
/// and every problem found.
///
/// A class, not a struct: `serve` keeps thousands of them between rebuilds and hands them to
/// every resolve, and a copy of an item retains every string in it, where a reference is one
/// count.
public final class ParsedFile: Sendable {
  public let path: String
  public let item: ContentItem?
  public let diagnostics: [Diagnostic]
  /// What the file refers to, collected even when the item itself could not be built, so the
  /// resolve step reports every broken reference of a run.
  public let references: References
  /// The meetings of the file's event, nil for other files.
  public let expansion: EventExpansion?

  public init(
    path: String, item: ContentItem?, diagnostics: [Diagnostic],
    references: References = References()
  ) {
    self.path = path
    self.item = item
    self.diagnostics = diagnostics
    self.references = references
    if case .event(let event) = item { expansion = EventExpansion(event) } else { expansion = nil }
  }
}
