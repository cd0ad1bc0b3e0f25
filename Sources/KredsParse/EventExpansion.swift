import KredsCalendar
import KredsModel

/// An event's meetings and the problems of its repeat rule. Both depend on the event alone, so
/// they are worked out when its file is parsed: on all cores in a build, and only for the edited
/// file in `serve`, whose parse cache keeps the rest.
public struct EventExpansion: Sendable {
  /// In order; their ``Occurrence/eventIndex`` is 0 until the resolve step knows the event's
  /// place in the site.
  public var occurrences: [Occurrence]
  public var diagnostics: [Diagnostic]

  public init(_ event: Event) {
    var diagnostics: [Diagnostic] = []
    func warning(_ location: SourceLocation, _ message: String) {
      diagnostics.append(
        Diagnostic(file: event.file, location: location, severity: .warning, message: message))
    }
    func error(_ location: SourceLocation, _ message: String) {
      diagnostics.append(
        Diagnostic(file: event.file, location: location, severity: .error, message: message))
    }
    var occurrences: [Occurrence] = []
    switch event.occurrences(eventIndex: 0) {
    case .success(let expanded):
      occurrences = expanded
      if let repetition = event.repetition,
        case .success(let ruleDates) = RecurrenceExpander.dates(
          of: repetition.rule, start: event.start, timeZone: event.timeZone)
      {
        let dates = Set(ruleDates)
        for (position, exception) in repetition.exceptions.enumerated()
        where !dates.contains(exception) {
          let at =
            repetition.exceptionLocations.indices.contains(position)
            ? repetition.exceptionLocations[position] : repetition.location
          warning(
            at,
            "'repeat.except' lists \(exception), which is not one of the series' dates; remove it")
        }
      }
    case .failure(.startNotInRule(let first)):
      let fix =
        first.map { "; the rule's first date is \($0): set 'start' to that day" }
        ?? "; the rule gives no date on or after 'start'"
      error(
        event.repetition?.location ?? .fileStart,
        "the event's start (\(event.start.date)) is not a date of its repeat rule, which calendar apps would show differently\(fix)"
      )
    case .failure(.tooManyOccurrences):
      error(
        event.repetition?.location ?? .fileStart,
        "the repeat rule makes more than \(RecurrenceExpander.maximumOccurrences) meetings; set COUNT or an earlier UNTIL"
      )
    }
    self.occurrences = occurrences
    self.diagnostics = diagnostics
  }
}
