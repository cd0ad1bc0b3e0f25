/// A repeating event's rule and the dates left out of it.
public struct Repetition: Hashable, Sendable {
  public var rule: RecurrenceRule
  /// The rule as the editor wrote it, for iCal.
  public var ruleText: String
  public var exceptions: [LocalDate]
  /// Where each of `exceptions` is written.
  public var exceptionLocations: [SourceLocation] = []
  /// Where the rule's UNTIL value is written.
  public var untilLocation: SourceLocation?
  /// Where `repeat` is written, for problems found when the series is expanded.
  public var location: SourceLocation

  public init(
    rule: RecurrenceRule, ruleText: String, exceptions: [LocalDate] = [],
    location: SourceLocation = .fileStart
  ) {
    self.rule = rule
    self.ruleText = ruleText
    self.exceptions = exceptions
    self.location = location
  }
}
