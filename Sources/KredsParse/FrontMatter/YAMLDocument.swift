import Yams

/// Reads YAML text into Yams nodes, turning YAML errors and alias bombs into diagnostics.
package enum YAMLDocument {
  /// How many values a front matter may hold once aliases are expanded. Real front matter has a
  /// few dozen; an alias bomb has billions.
  package static let maximumValueCount = 10_000

  /// The root node, or nil (with a diagnostic) when the text is not usable YAML. An empty
  /// document gives an empty mapping.
  package static func compose(_ yaml: String, firstLine: Int, sink: DiagnosticSink) -> Node? {
    let root: Node?
    do {
      // Kreds reads every scalar's text as written and types it itself, so YAML's implicit
      // typing is not needed; with it, Yams ran regular expressions on every key it hashed. The
      // encoding is given because Yams' default reads the whole environment on every call.
      root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
    } catch let error as YamlError {
      report(error, firstLine: firstLine, sink: sink)
      return nil
    } catch {
      sink.error(
        "the front matter cannot be read as YAML: \(error)",
        at: SourceLocation(line: firstLine, column: 1))
      return nil
    }
    guard let root else { return Node.mapping(Node.Mapping([])) }
    var budget = maximumValueCount
    if !countValues(root, budget: &budget) {
      let location =
        root.mark.map { Position.location($0, firstLine: firstLine) }
        ?? SourceLocation(line: firstLine, column: 1)
      sink.error(
        "YAML aliases ('*name') expand this front matter to more than \(maximumValueCount) values; write the values out instead of using aliases",
        at: location)
      return nil
    }
    return root
  }

  /// Walks the tree (aliases included, as they would expand) and stops as soon as the budget is
  /// spent, so a bomb costs at most `maximumValueCount` steps.
  private static func countValues(_ node: Node, budget: inout Int) -> Bool {
    budget -= 1
    if budget < 0 { return false }
    switch node {
    case .scalar, .alias: return true
    case .sequence(let sequence):
      for child in sequence where !countValues(child, budget: &budget) { return false }
      return true
    case .mapping(let mapping):
      for (key, value) in mapping {
        if !countValues(key, budget: &budget) || !countValues(value, budget: &budget) {
          return false
        }
      }
      return true
    }
  }

  private static func report(_ error: YamlError, firstLine: Int, sink: DiagnosticSink) {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      if problem.hasPrefix("Maximum nesting level reached") {
        // libyaml's own text names a C function; the editor needs the limit and the fix.
        sink.error(
          "YAML nesting is deeper than 1,000 levels here ('[', '{', '-' or indentation inside each other); front matter needs a few levels at most, so close the brackets or remove the extra levels",
          at: Position.location(mark, firstLine: firstLine))
        return
      }
      var message = "YAML syntax: \(problem)"
      if let context { message += " (\(context.text))" }
      message += hint(for: problem)
      sink.error(message, at: Position.location(mark, firstLine: firstLine))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      let first = Position.location(context.mark, firstLine: firstLine)
      sink.error(
        "the key \(names) is given more than once; keep one of them",
        at: repeatedKey(
          duplicates.first ?? "", after: context.mark, in: context.text, firstLine: firstLine)
          ?? first)
    case .reader(let problem, _, _, _):
      sink.error(
        "the front matter cannot be read: \(problem)",
        at: SourceLocation(line: firstLine, column: 1))
    default:
      sink.error(
        "the front matter cannot be read as YAML: \(error)",
        at: SourceLocation(line: firstLine, column: 1))
    }
  }

  /// The next line after `mark` that starts with `key:` at the same indentation: where the
  /// repetition the editor should remove is.
  private static func repeatedKey(_ key: String, after mark: Mark, in yaml: String, firstLine: Int)
    -> SourceLocation?
  {
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    let indentation = String(repeating: " ", count: max(0, mark.column - 1))
    guard mark.line < lines.count else { return nil }
    for index in mark.line..<lines.count {
      let line = lines[index]
      if line.hasPrefix(indentation + key),
        line.dropFirst(indentation.count + key.count).drop(while: { $0 == " " }).first == ":"
      {
        return SourceLocation(line: index + firstLine, column: mark.column)
      }
    }
    return nil
  }

  /// A plain-language fix for the YAML mistakes editors make most.
  private static func hint(for problem: String) -> String {
    if problem.contains("mapping values are not allowed") {
      return "; a value that contains ': ' must be in quotes, e.g. title: \"Møde: energi i fokus\""
    }
    if problem.contains("cannot start any token") {
      return "; indent with spaces, not tabs, and put values starting with @, ` or % in quotes"
    }
    if problem.contains("did not find expected key") || problem.contains("block mapping") {
      return "; check the indentation: keys of one mapping must start in the same column"
    }
    if problem.contains("found undefined alias") {
      return "; a '*' starts an alias in YAML: put the value in quotes"
    }
    return ""
  }
}
