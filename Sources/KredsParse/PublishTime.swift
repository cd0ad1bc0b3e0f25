import Foundation

/// When an item may first appear, as written and as an instant (in the event's time zone for an
/// event, the site's for everything else).
public struct PublishTime: Sendable {
  public var written: Located<LocalDateTime>
  public var instant: Date
}
