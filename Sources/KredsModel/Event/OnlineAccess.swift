/// How to join an event remotely.
public struct OnlineAccess: Hashable, Sendable {
  public var url: String
  public var platform: String?

  public init(url: String, platform: String? = nil) {
    self.url = url
    self.platform = platform
  }
}
