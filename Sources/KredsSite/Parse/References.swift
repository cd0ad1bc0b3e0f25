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

/// When an item may first appear, as written and as an instant (in the event's time zone for an
/// event, the site's for everything else).
public struct PublishTime: Sendable {
  public var written: Located<LocalDateTime>
  public var instant: Date
}
