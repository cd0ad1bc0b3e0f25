import Foundation
import Yams

/// Reads the keys of one YAML mapping into typed values, reporting every problem with the
/// position of the value (or of the key, when the value is missing).
///
/// It knows which keys the mapping may have: unknown keys are reported when it is made, with a
/// "did you mean" for near misses.
final class MappingReader {
  let sink: DiagnosticSink
  let firstLine: Int
  /// The dotted path of this mapping inside the front matter (`location`, `speakers[2]`), for
  /// messages; empty at the top.
  let path: String
  let location: SourceLocation
  private var values: [String: (key: Node, value: Node)] = [:]

  /// Nil (with a diagnostic) when `node` is not a mapping.
  init?(
    _ node: Node, known: [String], path: String, firstLine: Int, sink: DiagnosticSink,
    example: String? = nil
  ) {
    self.sink = sink
    self.firstLine = firstLine
    self.path = path
    self.location =
      node.mark.map { Position.location($0, firstLine: firstLine) }
      ?? SourceLocation(line: firstLine, column: 1)
    guard case .mapping(let mapping) = node else {
      let what = path.isEmpty ? "the front matter" : "'\(path)'"
      let shape = example.map { ", like:\n\($0)" } ?? ""
      sink.error(
        "\(what) must be keys and values (a YAML mapping), found \(Self.describe(node))\(shape)",
        at: location)
      return nil
    }
    for (key, value) in mapping {
      let keyLocation = key.mark.map { Position.location($0, firstLine: firstLine) } ?? location
      guard case .scalar(let scalar) = key else {
        sink.error(
          "a key must be a plain name such as 'title', found \(Self.describe(key))", at: keyLocation
        )
        continue
      }
      let name = scalar.string
      guard known.contains(name) else {
        let full = path.isEmpty ? name : "\(path).\(name)"
        var message = "unknown key '\(full)'" + Suggestion.didYouMean(name, among: known)
        if !message.hasSuffix("?"), !path.isEmpty, known.count <= 8 {
          message += "; '\(path)' may have \(known.map { "'\($0)'" }.joined(separator: ", "))"
        }
        sink.error(message, at: keyLocation)
        continue
      }
      values[name] = (key, value)
    }
  }

  // MARK: Positions

  /// Where the value of `key` is, or where the mapping starts when the key is absent.
  func location(of key: String) -> SourceLocation {
    guard let entry = values[key] else { return location }
    return nodeLocation(entry.value) ?? nodeLocation(entry.key) ?? location
  }

  func nodeLocation(_ node: Node) -> SourceLocation? {
    node.mark.map { Position.location($0, firstLine: firstLine) }
  }

  func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  func has(_ key: String) -> Bool { value(key) != nil }

  /// The node of `key`, treating an explicit YAML null (`key:` with nothing, `~`, `null`) as
  /// absent.
  func value(_ key: String) -> Node? {
    guard let node = values[key]?.value else { return nil }
    if case .scalar(let scalar) = node, scalar.style == .plain,
      ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    {
      return nil
    }
    return node
  }

  private func missing(_ key: String, hint: String) {
    let at = values[key].flatMap { nodeLocation($0.key) } ?? location
    if values[key] != nil {
      sink.error("'\(name(key))' is empty; \(hint)", at: at)
    } else {
      sink.error("missing required key '\(name(key))'; \(hint)", at: at)
    }
  }

  /// A value quoted in a message, its line breaks and tabs written `\n` and `\t`, so the
  /// message stays on one line.
  static func shown(_ value: String) -> String {
    value.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
  }

  static func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar): return "'\(scalar.string)'"
    case .sequence: return "a list"
    case .mapping: return "keys and values (a mapping)"
    case .alias: return "an alias"
    }
  }

  // MARK: Scalars

  /// The raw text of a scalar value, exactly as written (YAML's own typing of dates, numbers and
  /// booleans is not applied), or nil with a diagnostic when the value is a list or mapping.
  private func scalarText(_ key: String, expected: String) -> String? {
    guard let node = value(key) else { return nil }
    guard case .scalar(let scalar) = node else {
      sink.error(
        "'\(name(key))' must be \(expected), found \(Self.describe(node))", at: location(of: key))
      return nil
    }
    return scalar.string
  }

  /// Text, trimmed. `required` reports a missing or empty value with `hint` as the fix.
  func text(_ key: String, required: Bool = false, maxLength: Int? = nil, hint: String = "")
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

  func boolean(_ key: String) -> Bool? {
    guard let raw = scalarText(key, expected: "true or false") else { return nil }
    switch raw {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default:
      sink.error("'\(name(key))' must be true or false, found '\(raw)'", at: location(of: key))
      return nil
    }
  }

  func integer(_ key: String, range: ClosedRange<Int>, required: Bool = false) -> Located<Int>? {
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

  func dateTime(_ key: String, required: Bool = false, hint: String? = nil) -> Located<
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

  func date(_ key: String, required: Bool = false) -> Located<LocalDate>? {
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
  static func impossibleDateNote(_ text: String) -> String {
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

  func time(_ key: String) -> LocalTime? {
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

  func email(_ key: String, required: Bool = false) -> String? {
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

  func url(_ key: String, required: Bool = false) -> String? {
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
  func mediaPath(_ key: String, required: Bool = false) -> Located<String>? {
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

  func timeZone(_ key: String) -> TimeZone? {
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
  func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, as type: Choice.Type)
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
  static let danishWords = [
    "aflyst": "cancelled", "udsat": "postponed", "planlagt": "scheduled", "aktiv": "active",
    "pause": "paused", "afsluttet": "ended", "dansk": "da", "engelsk": "en",
  ]

  // MARK: Collections

  /// A nested mapping's reader.
  func mapping(_ key: String, known: [String], example: String? = nil) -> MappingReader? {
    guard let node = value(key) else { return nil }
    return MappingReader(
      node, known: known, path: name(key), firstLine: firstLine, sink: sink, example: example)
  }

  /// The items of a list, each with its path for messages (`speakers[2]`).
  func list(_ key: String, example: String) -> [(node: Node, path: String)] {
    guard let node = value(key) else { return [] }
    guard case .sequence(let sequence) = node else {
      sink.error(
        "'\(name(key))' must be a list, like \(example), found \(Self.describe(node))",
        at: location(of: key))
      return []
    }
    return sequence.enumerated().map { ($0.element, "\(name(key))[\($0.offset + 1)]") }
  }

  /// A list of texts (tags, network slugs), each with its position.
  func textList(_ key: String, example: String) -> [Located<String>] {
    var result: [Located<String>] = []
    for (node, itemPath) in list(key, example: example) {
      let at = nodeLocation(node) ?? location(of: key)
      guard case .scalar(let scalar) = node else {
        sink.error("'\(itemPath)' must be text, found \(Self.describe(node))", at: at)
        continue
      }
      let trimmed = scalar.string.trimmingWhitespaceAndNewlines()
      if trimmed.isEmpty {
        sink.error("'\(itemPath)' is empty; remove it or write a value", at: at)
        continue
      }
      if let problem = ForbiddenCharacters.firstProblem(in: trimmed) {
        sink.error("'\(itemPath)' \(problem)", at: at)
        continue
      }
      result.append(Located(trimmed, at: at))
    }
    return result
  }

  /// A reader for each mapping in a list.
  func mappingList(_ key: String, known: [String], example: String) -> [MappingReader] {
    list(key, example: example).compactMap { node, itemPath in
      MappingReader(
        node, known: known, path: itemPath, firstLine: firstLine, sink: sink, example: example)
    }
  }
}
