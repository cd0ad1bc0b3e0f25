import Foundation
import Yams

/// What the parser of one item needs besides its YAML.
package struct ItemContext {
  package let file: String
  package let sink: DiagnosticSink
  package let firstLine: Int
  package let defaultTimeZone: TimeZone
  package let body: (Body, [Diagnostic])

  package func reader(_ root: Node, known: [String]) -> MappingReader? {
    MappingReader(root, known: known, path: "", firstLine: firstLine, sink: sink)
  }

  /// The file's slug, or nil with a diagnostic when the name is not a valid or allowed slug.
  package func slug(_ name: String, kind: ItemKind, reserved: Set<String>) -> Slug? {
    guard let slug = Slug(name) else {
      let suggestion = Slug.make(from: name).map { "; rename the file to '\($0).md'" } ?? ""
      sink.error(
        "the file name '\(name)' cannot be \(kind.withArticle)'s address: use lower-case letters a–z, digits and hyphens only (no æ, ø, å or spaces)\(suggestion)",
        at: .fileStart)
      return nil
    }
    if reserved.contains(name) {
      sink.error(
        "'\(name)' is a name the site uses for its own pages; rename the \(kind.rawValue) file (e.g. '\(name)-1.md')",
        at: .fileStart)
      return nil
    }
    return slug
  }

  package func networkFolder(_ name: String) -> Slug? {
    guard let slug = Slug(name) else {
      let suggestion = Slug.make(from: name).map { "; rename the folder to '\($0)'" } ?? ""
      sink.error(
        "the network folder name '\(name)' cannot be a network's address: use lower-case letters a–z, digits and hyphens only\(suggestion)",
        at: .fileStart)
      return nil
    }
    return slug
  }

  /// The body, with its problems added to this file's.
  package func takeBody() -> Body {
    for diagnostic in body.1 {
      if diagnostic.severity == .error {
        sink.error(diagnostic.message, at: diagnostic.location)
      } else {
        sink.warning(diagnostic.message, at: diagnostic.location)
      }
    }
    return body.0
  }
}
