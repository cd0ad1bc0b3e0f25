import Foundation
import Yams

/// The `repeat:` block: the rule, its exceptions, and where in the file a problem is.
extension EventParser {
  package static func readRepeat(_ reader: MappingReader) -> Repetition? {
    guard
      let repeatReader = reader.mapping(
        "repeat", known: ["rule", "except"], example: "{rule: \"FREQ=MONTHLY;BYDAY=3WE;COUNT=4\"}")
    else { return nil }
    guard
      let ruleText = repeatReader.text(
        "rule", required: true, hint: "add e.g. 'rule: FREQ=MONTHLY;BYDAY=3WE;COUNT=4'")
    else { return nil }
    let parsed = RecurrenceRule.parse(ruleText)
    let ruleLocation = repeatReader.location(of: "rule")
    let quoteOffset = ruleQuoteOffset(repeatReader, key: "rule")
    for error in parsed.errors {
      repeatReader.sink.error(
        "repeat rule: \(error.message)",
        at: SourceLocation(
          line: ruleLocation.line, column: ruleLocation.column + quoteOffset + error.offset))
    }
    var exceptions: [LocalDate] = []
    var exceptionLocations: [SourceLocation] = []
    for entry in repeatReader.textList("except", example: "[2023-12-20]") {
      if let date = LocalDate(parsing: entry.value) {
        exceptions.append(date)
        exceptionLocations.append(entry.location)
      } else {
        repeatReader.sink.error(
          "'repeat.except' entries must be dates like 2023-12-20, found '\(entry.value)'",
          at: entry.location)
      }
    }
    guard let rule = parsed.rule else { return nil }
    var repetition = Repetition(
      rule: rule, ruleText: ruleText, exceptions: exceptions, location: ruleLocation)
    repetition.exceptionLocations = exceptionLocations
    if let until = ruleText.range(of: "UNTIL=", options: .caseInsensitive) {
      repetition.untilLocation = SourceLocation(
        line: ruleLocation.line,
        column: ruleLocation.column + quoteOffset
          + ruleText.distance(from: ruleText.startIndex, to: until.upperBound))
    }
    return repetition
  }

  /// 1 when the value is written in quotes, so rule offsets point inside them.
  package static func ruleQuoteOffset(_ reader: MappingReader, key: String) -> Int {
    guard case .scalar(let scalar)? = reader.value(key) else { return 0 }
    switch scalar.style {
    case .singleQuoted, .doubleQuoted: return 1
    default: return 0
    }
  }

  /// False (with a diagnostic) when the series ends before it starts.
  package static func checkRepeat(
    _ repetition: Repetition, start: LocalDateTime, sink: DiagnosticSink, location: SourceLocation
  ) -> Bool {
    if case .until(let until, _) = repetition.rule.end, until.date < start.date {
      sink.error(
        "the repeat rule's UNTIL (\(until.date)) is before the event's start (\(start.date))",
        at: repetition.untilLocation ?? location)
      return false
    }
    return true
  }
}
