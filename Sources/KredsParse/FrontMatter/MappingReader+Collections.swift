import Foundation
import Yams

/// Mappings and lists below a key, each item read with its own position.
extension MappingReader {
  /// A nested mapping's reader.
  package func mapping(_ key: String, known: [String], example: String? = nil) -> MappingReader? {
    guard let node = value(key) else { return nil }
    return MappingReader(
      node, known: known, path: name(key), firstLine: firstLine, sink: sink, example: example)
  }

  /// The items of a list, each with its path for messages (`speakers[2]`).
  package func list(_ key: String, example: String) -> [(node: Node, path: String)] {
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
  package func textList(_ key: String, example: String) -> [Located<String>] {
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
  package func mappingList(_ key: String, known: [String], example: String) -> [MappingReader] {
    list(key, example: example).compactMap { node, itemPath in
      MappingReader(
        node, known: known, path: itemPath, firstLine: firstLine, sink: sink, example: example)
    }
  }
}
