/// One of a network's own channels.
public struct ChannelLink: Hashable, Sendable {
  /// `website`, `facebook` or `linkedin`.
  public var kind: String
  public var url: String

  public init(kind: String, url: String) {
    self.kind = kind
    self.url = url
  }
}
