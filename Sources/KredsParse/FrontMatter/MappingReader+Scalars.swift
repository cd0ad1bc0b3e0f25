import Foundation
import Yams

/// One key's value as text, a number, a date or time, an address, a path, a zone or a choice,
/// each with its diagnostic when the value does not fit.
extension MappingReader {
  /// The raw text of a scalar value, exactly as written (YAML's own typing of dates, numbers and
  /// booleans is not applied), or nil with a diagnostic when the value is a list or mapping.
  package func scalarText(_ key: String, expected: String) -> String? {
    guard let node = value(key) else { return nil }
    guard case .scalar(let scalar) = node else {
      sink.error(
        "'\(name(key))' must be \(expected), found \(Self.describe(node))", at: location(of: key))
      return nil
    }
    return scalar.string
  }

  /// Text, trimmed. `required` reports a missing or empty value with `hint` as the fix.
  package func text(_ key: String, required: Bool = false, maxLength: Int? = nil, hint: String = "")
    -> String?
  {
    guard let raw = scalarText(key, expected: "text") else {
      if required, value(key) == nil { missing(key, hint: hint.isEmpty ? "add '\(key): …'" : hint) }
      return nil
    }
    let trimmed = raw.trimmingWhitespaceAndNewlines()
    if trimmed.isEmpty {
      if required { missing(key, hint: hint.isEmpty ? "add '\(key): …'" : hint) }
      return nil
    }
    if let maxLength, trimmed.count > maxLength {
      sink.error(
        "'\(name(key))' is \(trimmed.count) characters long; it may be at most \(maxLength)",
        at: location(of: key))
    }
    if let problem = ForbiddenCharacters.firstProblem(in: trimmed) {
      sink.error("'\(name(key))' \(problem)", at: location(of: key))
      return nil
    }
    return trimmed
  }

  package func boolean(_ key: String) -> Bool? {
    guard let raw = scalarText(key, expected: "true or false") else { return nil }
    switch raw {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default:
      sink.error("'\(name(key))' must be true or false, found '\(raw)'", at: location(of: key))
      return nil
    }
  }

  package func integer(_ key: String, range: ClosedRange<Int>, required: Bool = false) -> Located<
    Int
  >? {
    guard let raw = scalarText(key, expected: "a whole number") else {
      if required { missing(key, hint: "add '\(key): \(range.lowerBound)'") }
      return nil
    }
    guard let number = Int(raw.trimmingSpaces()) else {
      sink.error("'\(name(key))' must be a whole number, found '\(raw)'", at: location(of: key))
      return nil
    }
    guard range.contains(number) else {
      let bound =
        range.upperBound == Int.max
        ? "\(range.lowerBound) or more" : "from \(range.lowerBound) to \(range.upperBound)"
      sink.error("'\(name(key))' must be \(bound), found \(number)", at: location(of: key))
      return nil
    }
    return Located(number, at: location(of: key))
  }

  package func dateTime(_ key: String, required: Bool = false, hint: String? = nil) -> Located<
    LocalDateTime
  >? {
    guard let raw = scalarText(key, expected: "a date and time like 2023-01-25 09:00") else {
      if required, value(key) == nil {
        missing(
          key, hint: hint ?? "add e.g. '\(key): 2023-01-25 09:00' (or a date alone for a whole day)"
        )
      }
      return nil
    }
    let trimmed = raw.trimmingSpaces()
    guard let value = LocalDateTime(parsing: trimmed) else {
      let message =
        LocalDateTime.suggestion(for: trimmed).map {
          "'\(name(key))' must be written '\($0)' (the date, a space, and the time as HH:MM), found '\(raw)'"
        }
        ?? "'\(name(key))' must be a date and time like 2023-01-25 09:00, or a date like 2023-01-25, found '\(raw)'"
      sink.error(message + Self.impossibleDateNote(trimmed), at: location(of: key))
      return nil
    }
    return Located(value, at: location(of: key))
  }

  package func date(_ key: String, required: Bool = false) -> Located<LocalDate>? {
    guard let raw = scalarText(key, expected: "a date like 2023-01-25") else {
      if required { missing(key, hint: "add e.g. '\(key): 2023-01-25'") }
      return nil
    }
    let trimmed = raw.trimmingSpaces()
    guard let value = LocalDate(parsing: trimmed) else {
      sink.error(
        "'\(name(key))' must be a date like 2023-01-25, found '\(raw)'"
          + Self.impossibleDateNote(trimmed),
        at: location(of: key))
      return nil
    }
    return Located(value, at: location(of: key))
  }

  /// " (there is no 30 February 2023)" when the text has the right shape but names no real day.
  package static func impossibleDateNote(_ text: String) -> String {
    let parts = text.prefix(10).split(separator: "-")
    guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
      let day = Int(parts[2]),
      parts[0].count == 4
    else { return "" }
    if !(1...12).contains(month) { return " (there is no month \(month))" }
    if day > LocalDate.daysIn(month: month, year: year) || day < 1 {
      return " (that month has \(LocalDate.daysIn(month: month, year: year)) days)"
    }
    return ""
  }

  package func time(_ key: String) -> LocalTime? {
    guard let raw = scalarText(key, expected: "a time like 09:30") else { return nil }
    guard let value = LocalTime(parsing: raw.trimmingSpaces()) else {
      // Danish writes 9.30; the format wants 09:30.
      let colon = raw.trimmingSpaces().replacingOccurrences(of: ".", with: ":")
      let padded =
        (LocalTime(parsing: colon) ?? LocalTime(parsing: "0" + colon)).map { "; write '\($0)'" }
        ?? ""
      sink.error(
        "'\(name(key))' must be a time like 09:30 (24-hour, two digits for the hour), found '\(raw)'\(padded)",
        at: location(of: key))
      return nil
    }
    return value
  }

  package func email(_ key: String, required: Bool = false) -> String? {
    guard let value = text(key, required: required, hint: "add e.g. '\(key): kontakt@example.dk'")
    else { return nil }
    guard Validation.isEmail(value) else {
      sink.error(
        "'\(name(key))' must be an email address like kontakt@example.dk, found '\(Self.shown(value))'",
        at: location(of: key))
      return nil
    }
    return value
  }

  package func url(_ key: String, required: Bool = false) -> String? {
    guard let value = text(key, required: required, hint: "add e.g. '\(key): https://example.dk/'")
    else { return nil }
    guard Validation.isWebURL(value) else {
      let scheme = LinkScheme.of(value)
      let fix: String
      if let scheme, LinkScheme.forbidden.contains(scheme) {
        fix = "; '\(scheme):' addresses are not allowed (they run code or hide a file in the link)"
      } else if value.contains("://") || value.hasPrefix("mailto:") {
        fix = ""
      } else {
        fix = "; did you mean 'https://\(value)'?"
      }
      sink.error(
        "'\(name(key))' must be a full web address starting with https:// or http://, found '\(Self.shown(value))'\(fix)",
        at: location(of: key))
      return nil
    }
    return value
  }

  /// A path under `media/`, written relative to the content folder. Whether the file exists is
  /// checked once the whole site is known.
  package func mediaPath(_ key: String, required: Bool = false) -> Located<String>? {
    guard let value = text(key, required: required, hint: "add e.g. '\(key): media/program.pdf'")
    else { return nil }
    if let problem = Validation.mediaPathProblem(value) {
      sink.error("'\(name(key))' \(problem)", at: location(of: key))
      return nil
    }
    let path = Located(value, at: location(of: key))
    sink.references.media.append(path)
    return path
  }

  package func timeZone(_ key: String) -> TimeZone? {
    guard let value = text(key) else { return nil }
    guard Validation.knownTimeZones.contains(value), let zone = TimeZone(identifier: value) else {
      sink.error(
        "'\(name(key))' must be an IANA time-zone name like Europe/Copenhagen, found '\(value)'"
          + Suggestion.didYouMean(value, among: Validation.knownTimeZones),
        at: location(of: key))
      return nil
    }
    return zone
  }

  /// One of a fixed set of words.
  package func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, as type: Choice.Type)
    -> Choice?
  where Choice.RawValue == String {
    guard let raw = text(key) else { return nil }
    if Choice(rawValue: raw) == nil, let english = Self.danishWords[raw.lowercased()],
      Choice(rawValue: english) != nil
    {
      sink.error(
        "'\(name(key))' takes the English word: write '\(english)' for '\(raw)'",
        at: location(of: key))
      return nil
    }
    guard let value = Choice(rawValue: raw) else {
      let allowed = Choice.allCases.map { "'\($0.rawValue)'" }
      let list = allowed.dropLast().joined(separator: ", ") + " or " + (allowed.last ?? "")
      sink.error(
        "'\(name(key))' must be \(list), found '\(raw)'"
          + Suggestion.didYouMean(raw, among: Choice.allCases.map(\.rawValue)),
        at: location(of: key))
      return nil
    }
    return value
  }

  /// Danish words editors write for the English values of a choice.
  package static let danishWords = [
    "aflyst": "cancelled", "udsat": "postponed", "planlagt": "scheduled", "aktiv": "active",
    "pause": "paused", "afsluttet": "ended", "dansk": "da", "engelsk": "en",
  ]
}
