/// Whether an event takes place as planned.
public enum EventStatus: String, Sendable, Hashable, CaseIterable {
  case scheduled, cancelled, postponed
}
