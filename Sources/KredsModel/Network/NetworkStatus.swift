/// Whether a network still meets.
public enum NetworkStatus: String, Sendable, Hashable, CaseIterable {
  case active, paused, ended
}
