import CCmarkGFM
import Foundation

/// Renders GitHub-flavoured Markdown with cmark-gfm: tables, strikethrough, autolinks, task
/// lists and footnotes. The only code in Kreds that touches C pointers.
public enum MarkdownRenderer {
  /// Held while cmark-gfm parses (see `render`).
  private static let parsing = NSLock()
  /// The core extensions registered once, whichever thread comes first (a `static let` is
  /// initialised exactly once).
  private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

  /// Renders `text`. Raw HTML is omitted unless `allowRawHTML`. Each link and image destination
  /// is collected and written into the HTML as `placeholder(index)`. `tableLabel` names the
  /// scrolling region around each table for screen readers ("Tabel", "Table").
  public static func render(
    _ text: String, allowRawHTML: Bool, tableLabel: String = "Table",
    placeholder: (Int) -> String
  ) -> MarkdownDocument {
    if let violation = MarkdownLimits.firstViolation(in: text) {
      return MarkdownDocument(refusal: violation)
    }
    _ = Self.extensionsRegistered
    // Column alignment as style attributes (HTML5 has no `align` on table cells), which
    // `wrappingTables` turns into classes: the pages' Content Security Policy allows no inline
    // style.
    var options =
      CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
      | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
    if allowRawHTML { options |= CMARK_OPT_UNSAFE }

    // cmark-gfm is not safe to parse with on several threads at once: registering the
    // extensions fills a global list, and every parser with extensions adds its special
    // characters to a global table while it parses and removes them when it is done, so a
    // parser finishing on one thread changes what another sees (github/cmark-gfm #176, #207:
    // wrong inlines, or an assertion in blocks.c). Parsing is one thread at a time; rendering
    // the parsed tree, which touches no global state, is not.
    Self.parsing.lock()
    guard let parser = cmark_parser_new(options) else {
      Self.parsing.unlock()
      return MarkdownDocument(html: "", links: [], firstParagraph: "", plainText: "")
    }
    for name in ["table", "strikethrough", "autolink", "tasklist"] {
      if let extensionPointer = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, extensionPointer)
      }
    }
    text.utf8CString.withUnsafeBufferPointer { buffer in
      if let base = buffer.baseAddress {
        cmark_parser_feed(parser, base, buffer.count - 1)
      }
    }
    let finished = cmark_parser_finish(parser)
    Self.parsing.unlock()
    defer {
      Self.parsing.lock()
      cmark_parser_free(parser)
      Self.parsing.unlock()
    }
    guard let root = finished else {
      return MarkdownDocument(html: "", links: [], firstParagraph: "", plainText: "")
    }
    defer { cmark_node_free(root) }
    if let violation = nestingViolation(in: root) {
      return MarkdownDocument(refusal: violation)
    }

    let plainText = renderPlainText(root, options: options)
    let firstParagraph = firstParagraphText(of: root, options: options)
    shiftHeadings(in: root)
    let links = replaceDestinations(in: root, placeholder: placeholder)

    let extensions = cmark_parser_get_syntax_extensions(parser)
    let html = wrappingTables(
      takeString(cmark_render_html(root, options, extensions)), label: tableLabel)
    return MarkdownDocument(
      html: html, links: links, firstParagraph: firstParagraph, plainText: plainText)
  }

  /// Every `<table>` in a box that scrolls on its own: wide tables scroll there instead of
  /// widening the page on a phone, and the box is a labelled region in the tab order, so
  /// keyboard users can scroll it too. Column alignment becomes a class (`align-right`). Bytes, not Foundation's search: most bodies have no table,
  /// and this ran over every body of the site.
  static func wrappingTables(_ html: String, label: String) -> String {
    let escapedLabel = TextReplacement.replacing([("\"", "&quot;")], in: label)
    return TextReplacement.replacing(
      [
        (
          "<table>",
          "<div class=\"table-wrap\" role=\"region\" aria-label=\"\(escapedLabel)\" tabindex=\"0\"><table>"
        ),
        ("</table>", "</table></div>"),
        (" style=\"text-align: left\"", " class=\"align-left\""),
        (" style=\"text-align: center\"", " class=\"align-center\""),
        (" style=\"text-align: right\"", " class=\"align-right\""),
      ], in: html)
  }

  /// The page's title is its only `<h1>`: the body's top heading level becomes `<h2>`, whether
  /// the editor started with `#` or `##`, and levels below follow without gaps.
  private static func shiftHeadings(in root: OpaquePointer) {
    var headings: [OpaquePointer] = []
    var child = cmark_node_first_child(root)
    while let current = child {
      if cmark_node_get_type(current) == CMARK_NODE_HEADING { headings.append(current) }
      child = cmark_node_next(current)
    }
    guard let top = headings.map({ cmark_node_get_heading_level($0) }).min(), top != 2 else {
      return
    }
    for heading in headings {
      cmark_node_set_heading_level(
        heading, min(6, max(2, cmark_node_get_heading_level(heading) - top + 2)))
    }
  }

  /// Walks the tree, records every link and image, and swaps its URL for a placeholder.
  private static func replaceDestinations(
    in root: OpaquePointer, placeholder: (Int) -> String
  ) -> [MarkdownLink] {
    var links: [MarkdownLink] = []
    guard let iterator = cmark_iter_new(root) else { return links }
    defer { cmark_iter_free(iterator) }
    var enclosingLine = 1
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
      let type = cmark_node_get_type(node)
      let line = Int(cmark_node_get_start_line(node))
      if UInt32(type.rawValue) & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK),
        line > 0
      {
        enclosingLine = line
      }
      guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
      let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
      let isImage = type == CMARK_NODE_IMAGE
      let column = Int(cmark_node_get_start_column(node))
      links.append(
        MarkdownLink(
          destination: destination, isImage: isImage,
          altText: isImage ? textContent(of: node) : nil,
          line: line > 0 ? line : enclosingLine, byteColumn: max(column, 1)))
      _ = placeholder(links.count - 1).withCString { cmark_node_set_url(node, $0) }
    }
    return links
  }

  /// The node types the iterator enters but never reports leaving: they cannot have children.
  private static let leafTypes = Set(
    [
      CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT,
      CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
    ].map { UInt32($0.rawValue) })

  /// The first node nested deeper than ``MarkdownLimits/maximumNesting``, found before any
  /// renderer recurses into it.
  private static func nestingViolation(in root: OpaquePointer) -> MarkdownLimits.Violation? {
    guard let iterator = cmark_iter_new(root) else { return nil }
    defer { cmark_iter_free(iterator) }
    var depth = 0
    var enclosingLine = 1
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { return nil }
      if event == CMARK_EVENT_EXIT {
        depth -= 1
        continue
      }
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
      let line = Int(cmark_node_get_start_line(node))
      if line > 0 { enclosingLine = line }
      if leafTypes.contains(UInt32(cmark_node_get_type(node).rawValue)) { continue }
      depth += 1
      // The document node itself is one level.
      if depth > MarkdownLimits.maximumNesting + 1 {
        return MarkdownLimits.Violation(
          line: enclosingLine, byteColumn: max(1, Int(cmark_node_get_start_column(node))),
          message:
            "the text is nested more than \(MarkdownLimits.maximumNesting) levels deep here (lists, quotes, emphasis or links inside each other); remove the extra levels"
        )
      }
    }
  }

  /// The literal text under a node (an image's alt text).
  private static func textContent(of node: OpaquePointer) -> String {
    var result = ""
    var child = cmark_node_first_child(node)
    while let current = child {
      let type = cmark_node_get_type(current)
      if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
        if let literal = cmark_node_get_literal(current) { result += String(cString: literal) }
      } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
        result += " "
      } else {
        result += textContent(of: current)
      }
      child = cmark_node_next(current)
    }
    return result
  }

  private static func firstParagraphText(of root: OpaquePointer, options: Int32) -> String {
    var child = cmark_node_first_child(root)
    while let current = child {
      if cmark_node_get_type(current) == CMARK_NODE_PARAGRAPH {
        return foldWhiteSpace(renderPlainText(current, options: options))
      }
      child = cmark_node_next(current)
    }
    return ""
  }

  private static func renderPlainText(_ node: OpaquePointer, options: Int32) -> String {
    takeString(cmark_render_plaintext(node, options, 0))
  }

  /// Copies a string cmark allocated and frees it with the allocator that made it.
  private static func takeString(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
    guard let pointer else { return "" }
    defer { cmark_get_default_mem_allocator().pointee.free(pointer) }
    return String(cString: pointer)
  }

  static func foldWhiteSpace(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
