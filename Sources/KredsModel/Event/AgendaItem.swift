/// One line of an event's programme.
public struct AgendaItem: Hashable, Sendable {
  public var time: LocalTime?
  public var title: String
  public var speaker: String?

  public init(time: LocalTime?, title: String, speaker: String? = nil) {
    self.time = time
    self.title = title
    self.speaker = speaker
  }
}
