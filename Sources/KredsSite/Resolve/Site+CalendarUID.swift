import Foundation
import KredsCalendar

extension Site {
  /// The event's calendar identity: its `uid`, or one made of the slug and the host of
  /// `base_url`, so that it survives rebuilds and stays the same in every feed.
  public func calendarUID(of event: Event) -> String {
    Self.calendarUID(of: event, host: settings.host)
  }

  /// ``calendarUID(of:)`` with the host worked out once, for checks that go through every event.
  static func calendarUID(of event: Event, host: String) -> String {
    event.uid ?? "\(event.slug.rawValue)@\(host)"
  }
}
