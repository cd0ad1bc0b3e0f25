import Foundation

/// How to sign up for an event.
public struct Registration: Hashable, Sendable {
  public var url: String?
  public var email: String?
  public var deadline: LocalDateTime?
  /// Where `deadline` is written, for the warning once it has passed.
  public var deadlineLocation: SourceLocation?
  public var capacity: Int?
  public var price: String?

  public init(
    url: String? = nil, email: String? = nil, deadline: LocalDateTime? = nil, capacity: Int? = nil,
    price: String? = nil
  ) {
    self.url = url
    self.email = email
    self.deadline = deadline
    self.capacity = capacity
    self.price = price
  }

  /// When the deadline passes: at its time, or at the end of its day for a date alone.
  public func deadlineEnd(in zone: TimeZone) -> Date? {
    guard let deadline else { return nil }
    return deadline.isWholeDay
      ? LocalDateTime(date: deadline.date.adding(days: 1), time: nil).instant(in: zone)
      : deadline.instant(in: zone)
  }
}
