import Foundation
import KredsMarkdown

/// Renders a Markdown body and places its links at file positions.
package enum BodyParser {
  package static func parse(
    _ text: String, firstLine: Int, allowRawHTML: Bool, tableLabel: String
  ) -> (Body, [Diagnostic]) {
    let document = MarkdownRenderer.render(
      text, allowRawHTML: allowRawHTML, tableLabel: tableLabel, placeholder: Body.placeholder)
    // Lines are only needed to place links and refusals.
    let lines =
      document.links.isEmpty && document.refusal == nil
      ? [] : text.split(separator: "\n", omittingEmptySubsequences: false)
    var columns = CharacterColumns(lines: lines)
    if let refusal = document.refusal {
      let location = SourceLocation(
        line: refusal.line + firstLine - 1,
        column: columns.column(ofByte: refusal.byteColumn, onLine: refusal.line))
      return (Body.empty, [Diagnostic(file: "", location: location, message: refusal.message)])
    }
    let links = document.links.map { link -> BodyLink in
      BodyLink(
        destination: link.destination, isImage: link.isImage, altText: link.altText,
        location: SourceLocation(
          line: link.line + firstLine - 1,
          column: columns.column(ofByte: link.byteColumn, onLine: link.line)))
    }
    let body = Body(
      html: document.html, links: links, firstParagraph: document.firstParagraph,
      plainText: document.plainText)
    return (body, links.compactMap(problem))
  }

  /// What is wrong with a link on its own, without knowing the rest of the site.
  package static func problem(_ link: BodyLink) -> Diagnostic? {
    func error(_ message: String) -> Diagnostic {
      Diagnostic(file: "", location: link.location, message: message)
    }
    let destination = link.destination
    if link.isImage, (link.altText ?? "").trimmingSpaces().isEmpty {
      return error(
        "the image '\(destination)' has no text alternative; write it in the brackets: ![what the picture shows](\(destination))"
      )
    }
    if destination.isEmpty {
      return error(
        "the link has no destination; write it in the parentheses: [text](https://example.dk/)")
    }
    if let scheme = LinkScheme.of(destination) {
      switch scheme {
      case let scheme where LinkScheme.forbidden.contains(scheme):
        return error(
          "links and images may not use '\(scheme):' addresses; use an https:// address or a file in media/"
        )
      case "http", "https", "mailto", "tel", "webcal", "ftp", "sms":
        return nil
      default:
        return error(
          "unknown kind of address '\(scheme):' in '\(destination)'; use an https:// address")
      }
    }
    if destination.hasPrefix("//") {
      return error(
        "'\(destination)' has no scheme; write the full address, e.g. 'https:\(destination)'")
    }
    return nil
  }
}
