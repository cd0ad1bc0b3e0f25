/// The kinds of content file, by the word a diagnostic calls them: "the event slug …".
public enum ItemKind: String, Sendable, Hashable, CaseIterable {
  case network, event, story, newsletter, page

  /// "a story", "an event": the article a message puts before the word.
  public var withArticle: String {
    ("aeiou".contains(rawValue.first ?? "x") ? "an " : "a ") + rawValue
  }
}
