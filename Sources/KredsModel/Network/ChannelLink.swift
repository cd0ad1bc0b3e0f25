/// One of a network's own channels.
public struct ChannelLink: Hashable, Sendable {
  /// The channels a network's `links:` may name, in the order a page shows them.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    case website, facebook, linkedin
  }

  public var kind: Kind
  public var url: String

  public init(kind: Kind, url: String) {
    self.kind = kind
    self.url = url
  }
}
