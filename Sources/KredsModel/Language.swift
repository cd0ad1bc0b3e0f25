/// The interface language, which also picks the URL words.
public enum Language: String, Sendable, Hashable, CaseIterable {
  case da, en
}
