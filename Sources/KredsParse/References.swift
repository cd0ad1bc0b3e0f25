import Foundation

/// Network slugs, media paths and the body a file names, checked against the whole site.
public struct References: Sendable {
  public var networks: [Located<String>] = []
  public var media: [Located<String>] = []
  /// The media of `media` that a page shows as a picture (`image:`), not as a download.
  public var images: [Located<String>] = []
  public var body: Body?
  /// `publish:`: the item stays unpublished until then (nil: published now).
  public var publish: PublishTime?

  public init() {}
}
