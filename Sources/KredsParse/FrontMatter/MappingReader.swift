import Foundation
import Yams

/// Reads the keys of one YAML mapping into typed values, reporting every problem with the
/// position of the value (or of the key, when the value is missing).
///
/// It knows which keys the mapping may have: unknown keys are reported when it is made, with a
/// "did you mean" for near misses.
package final class MappingReader {
  package let sink: DiagnosticSink
  package let firstLine: Int
  /// The dotted path of this mapping inside the front matter (`location`, `speakers[2]`), for
  /// messages; empty at the top.
  package let path: String
  package let location: SourceLocation
  private var values: [String: (key: Node, value: Node)] = [:]

  /// Nil (with a diagnostic) when `node` is not a mapping.
  package init?(
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
  package func location(of key: String) -> SourceLocation {
    guard let entry = values[key] else { return location }
    return nodeLocation(entry.value) ?? nodeLocation(entry.key) ?? location
  }

  package func nodeLocation(_ node: Node) -> SourceLocation? {
    node.mark.map { Position.location($0, firstLine: firstLine) }
  }

  package func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  package func has(_ key: String) -> Bool { value(key) != nil }

  /// The node of `key`, treating an explicit YAML null (`key:` with nothing, `~`, `null`) as
  /// absent.
  package func value(_ key: String) -> Node? {
    guard let node = values[key]?.value else { return nil }
    if case .scalar(let scalar) = node, scalar.style == .plain,
      ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    {
      return nil
    }
    return node
  }

  package func missing(_ key: String, hint: String) {
    let at = values[key].flatMap { nodeLocation($0.key) } ?? location
    if values[key] != nil {
      sink.error("'\(name(key))' is empty; \(hint)", at: at)
    } else {
      sink.error("missing required key '\(name(key))'; \(hint)", at: at)
    }
  }

  /// A value quoted in a message, its line breaks and tabs written `\n` and `\t`, so the
  /// message stays on one line.
  package static func shown(_ value: String) -> String {
    value.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
  }

  package static func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar): return "'\(scalar.string)'"
    case .sequence: return "a list"
    case .mapping: return "keys and values (a mapping)"
    case .alias: return "an alias"
    }
  }
}
