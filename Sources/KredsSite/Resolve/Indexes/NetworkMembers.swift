import Foundation

/// A network's events, stories and newsletter issues, as indices into ``Site/events``,
/// ``Site/stories`` and ``Site/newsletters``, ascending.
public struct NetworkMembers: Sendable {
  public var events: [Int] = []
  public var stories: [Int] = []
  public var newsletters: [Int] = []
}
