/// The subset of an RFC 5545 RRULE that content may use (CONTENT.md, `repeat.rule`).
public struct RecurrenceRule: Hashable, Sendable {
  public enum Frequency: String, Sendable, Hashable, CaseIterable {
    case daily = "DAILY"
    case weekly = "WEEKLY"
    case monthly = "MONTHLY"
    case yearly = "YEARLY"
  }

  /// A `BYDAY` entry: a weekday (ISO 1 = Monday … 7 = Sunday), with an ordinal such as 3 in
  /// `3WE` or -1 in `-1FR`.
  public struct WeekdayRule: Hashable, Sendable {
    public var ordinal: Int?
    public var weekday: Int

    public init(ordinal: Int?, weekday: Int) {
      self.ordinal = ordinal
      self.weekday = weekday
    }
  }

  /// The end of a series: a number of occurrences or a last moment.
  public enum End: Hashable, Sendable {
    case count(Int)
    /// `UNTIL` as written: a date, or a date and time with `isUTC` when it ends in `Z`.
    case until(LocalDateTime, isUTC: Bool)
  }

  public var frequency: Frequency
  public var interval = 1
  public var end: End
  public var byDay: [WeekdayRule] = []
  public var byMonthDay: [Int] = []
  public var byMonth: [Int] = []

  public init(frequency: Frequency, end: End) {
    self.frequency = frequency
    self.end = end
  }

  /// The RFC 5545 two-letter weekday codes, Monday first.
  public static let weekdayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

  /// Largest `COUNT` accepted, so that a typo cannot make a series of millions of meetings.
  public static let maximumCount = 1000

  /// A problem in a rule: what is wrong and where in the rule text (0-based character offset).
  public struct ParseError: Error, Hashable, Sendable {
    public var message: String
    public var offset: Int
  }

  /// Parses `FREQ=MONTHLY;BYDAY=3WE;COUNT=4` and the like, reporting every problem.
  public static func parse(_ text: String) -> (rule: RecurrenceRule?, errors: [ParseError]) {
    var errors: [ParseError] = []
    var frequency: Frequency?
    var interval = 1
    var count: Int?
    var until: (LocalDateTime, Bool)?
    var byDay: [WeekdayRule] = []
    var byMonthDay: [Int] = []
    var byMonth: [Int] = []
    var seen: Set<String> = []

    var offset = 0
    let body = text.hasPrefix("RRULE:") ? String(text.dropFirst(6)) : text
    if body.count != text.count { offset = 6 }
    for part in body.split(separator: ";", omittingEmptySubsequences: false) {
      defer { offset += part.count + 1 }
      let partText = String(part)
      guard let equals = partText.firstIndex(of: "=") else {
        errors.append(
          ParseError(
            message: "rule part '\(partText)' must be NAME=VALUE, e.g. FREQ=WEEKLY", offset: offset)
        )
        continue
      }
      let name = String(partText[..<equals]).uppercased()
      let value = String(partText[partText.index(after: equals)...])
      let valueOffset = offset + name.count + 1
      if seen.contains(name) {
        errors.append(ParseError(message: "rule part '\(name)' is given twice", offset: offset))
        continue
      }
      seen.insert(name)
      func fail(_ message: String) {
        errors.append(ParseError(message: message, offset: valueOffset))
      }
      switch name {
      case "FREQ":
        if let parsed = Frequency(rawValue: value.uppercased()) {
          frequency = parsed
        } else {
          fail(
            "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY, found '\(value)'"
              + Suggestion.didYouMean(value.uppercased(), among: Frequency.allCases.map(\.rawValue))
          )
        }
      case "INTERVAL":
        if let number = Int(value), (1...1000).contains(number) {
          interval = number
        } else {
          fail("INTERVAL must be a whole number from 1 to 1000, found '\(value)'")
        }
      case "COUNT":
        if let number = Int(value), (1...maximumCount).contains(number) {
          count = number
        } else {
          fail("COUNT must be a whole number from 1 to \(maximumCount), found '\(value)'")
        }
      case "UNTIL":
        if let parsed = parseUntil(value) {
          until = parsed
        } else {
          fail(
            "UNTIL must be a date like 20230630 or a UTC time like 20230630T235959Z, found '\(value)'"
          )
        }
      case "BYDAY":
        for entry in value.split(separator: ",", omittingEmptySubsequences: false) {
          if let rule = parseWeekday(String(entry)) {
            byDay.append(rule)
          } else {
            fail(
              "BYDAY entry '\(entry)' must be a weekday code (MO, TU, WE, TH, FR, SA, SU), optionally with an ordinal such as 3WE or -1FR"
            )
          }
        }
      case "BYMONTHDAY":
        for entry in value.split(separator: ",", omittingEmptySubsequences: false) {
          if let number = Int(entry), (1...31).contains(abs(number)) {
            byMonthDay.append(number)
          } else {
            fail("BYMONTHDAY entry '\(entry)' must be a day from 1 to 31 or -31 to -1")
          }
        }
      case "BYMONTH":
        for entry in value.split(separator: ",", omittingEmptySubsequences: false) {
          if let number = Int(entry), (1...12).contains(number) {
            byMonth.append(number)
          } else {
            fail("BYMONTH entry '\(entry)' must be a month from 1 to 12")
          }
        }
      case "BYSETPOS", "BYWEEKNO", "BYYEARDAY", "BYHOUR", "BYMINUTE", "BYSECOND", "WKST", "RSCALE",
        "SKIP":
        errors.append(
          ParseError(
            message:
              "rule part '\(name)' is not supported; use FREQ, INTERVAL, COUNT or UNTIL, BYDAY, BYMONTHDAY and BYMONTH",
            offset: offset))
      default:
        let known = ["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH"]
        let suggestion = Suggestion.didYouMean(name, among: known)
        errors.append(
          ParseError(
            message: "unknown rule part '\(name)'"
              + (suggestion.isEmpty
                ? "; use FREQ, INTERVAL, COUNT or UNTIL, BYDAY, BYMONTHDAY and BYMONTH"
                : suggestion),
            offset: offset))
      }
    }

    if frequency == nil, !seen.contains("FREQ") {
      errors.append(ParseError(message: "the rule needs FREQ, e.g. FREQ=MONTHLY", offset: 0))
    }
    if count != nil, until != nil {
      errors.append(ParseError(message: "a rule may have COUNT or UNTIL, not both", offset: 0))
    } else if count == nil, until == nil, !seen.contains("COUNT"), !seen.contains("UNTIL") {
      errors.append(
        ParseError(
          message: "a series must end: add COUNT (e.g. COUNT=4) or UNTIL (e.g. UNTIL=20231231)",
          offset: 0))
    }
    if let frequency, frequency != .monthly, frequency != .yearly,
      byDay.contains(where: { $0.ordinal != nil })
    {
      errors.append(
        ParseError(
          message: "BYDAY ordinals such as 3WE need FREQ=MONTHLY or FREQ=YEARLY", offset: 0))
    }
    if frequency == .weekly, !byMonthDay.isEmpty {
      errors.append(ParseError(message: "BYMONTHDAY cannot be used with FREQ=WEEKLY", offset: 0))
    }

    guard errors.isEmpty, let frequency else { return (nil, errors) }
    let end: End = count.map { .count($0) } ?? until.map { .until($0.0, isUTC: $0.1) } ?? .count(1)
    var rule = RecurrenceRule(frequency: frequency, end: end)
    rule.interval = interval
    rule.byDay = byDay
    rule.byMonthDay = byMonthDay
    rule.byMonth = byMonth
    return (rule, [])
  }

  static func parseWeekday(_ text: String) -> WeekdayRule? {
    guard text.count >= 2 else { return nil }
    let code = String(text.suffix(2)).uppercased()
    guard let index = weekdayCodes.firstIndex(of: code) else { return nil }
    let prefix = text.dropLast(2)
    if prefix.isEmpty { return WeekdayRule(ordinal: nil, weekday: index + 1) }
    guard let ordinal = Int(prefix), ordinal != 0, (1...53).contains(abs(ordinal)) else {
      return nil
    }
    return WeekdayRule(ordinal: ordinal, weekday: index + 1)
  }

  static func parseUntil(_ text: String) -> (LocalDateTime, Bool)? {
    let digits = Array(text)
    guard digits.count >= 8, let date = LocalDate(parsing: compactDate(String(digits[0..<8])))
    else {
      return nil
    }
    if digits.count == 8 { return (LocalDateTime(date: date, time: nil), false) }
    guard digits.count == 15 || digits.count == 16, digits[8] == "T",
      let hour = Int(String(digits[9..<11])), let minute = Int(String(digits[11..<13])),
      let second = Int(String(digits[13..<15])), (0...23).contains(hour), (0...59).contains(minute),
      (0...60).contains(second)
    else { return nil }
    let isUTC = digits.count == 16
    if isUTC, digits[15] != "Z" { return nil }
    return (LocalDateTime(date: date, time: LocalTime(hour: hour, minute: minute)), isUTC)
  }

  private static func compactDate(_ text: String) -> String {
    let characters = Array(text)
    return String(characters[0..<4]) + "-" + String(characters[4..<6]) + "-"
      + String(characters[6..<8])
  }
}
