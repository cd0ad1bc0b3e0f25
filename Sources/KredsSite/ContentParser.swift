import Foundation
import KredsMarkdown
import Yams

/// One parsed content file.
public enum ContentItem: Sendable {
  case settings(SiteSettings)
  case network(Network)
  case event(Event)
  case story(Story)
  case newsletter(Newsletter)
  case page(Page)
  /// A file under `media/`, copied unchanged.
  case media(path: String)
}

/// What parsing one file gave: the item (nil when the file has errors that make it unusable)
/// and every problem found.
///
/// A class, not a struct: `serve` keeps thousands of them between rebuilds and hands them to
/// every resolve, and a copy of an item retains every string in it, where a reference is one
/// count.
public final class ParsedFile: Sendable {
  public let path: String
  public let item: ContentItem?
  public let diagnostics: [Diagnostic]
  /// What the file refers to, collected even when the item itself could not be built, so the
  /// resolve step reports every broken reference of a run.
  public let references: References
  /// The meetings of the file's event, nil for other files.
  public let expansion: EventExpansion?

  public init(
    path: String, item: ContentItem?, diagnostics: [Diagnostic],
    references: References = References()
  ) {
    self.path = path
    self.item = item
    self.diagnostics = diagnostics
    self.references = references
    if case .event(let event) = item { expansion = EventExpansion(event) } else { expansion = nil }
  }
}

/// Network slugs, media paths and the body a file names, checked against the whole site.
public struct References: Sendable {
  public var networks: [Located<String>] = []
  public var media: [Located<String>] = []
  public var body: Body?

  public init() {}
}

/// The parse step: one file at a time, no access to other files.
public enum ContentParser {
  /// The settings every other file is parsed with. When `site.yaml` is broken the defaults are
  /// used, so the other files' problems are still reported in the same run.
  public static let fallbackTimeZone = TimeZone(identifier: "Europe/Copenhagen") ?? .current

  /// Parses `site.yaml`.
  public static func parseSettings(_ file: SourceFile) -> ParsedFile {
    let sink = DiagnosticSink(file: file.path)
    var settings: SiteSettings?
    if let text = TextDecoding.decode(file.bytes, sink: sink),
      let root = YAMLDocument.compose(text, firstLine: 1, sink: sink)
    {
      settings = SettingsParser.parse(root, sink: sink)
    }
    return ParsedFile(
      path: file.path, item: settings.map { .settings($0) }, diagnostics: sink.diagnostics)
  }

  /// Parses any file other than `site.yaml`. `settings` gives the default time zone and whether
  /// raw HTML is allowed; pass nil when `site.yaml` could not be read.
  public static func parse(_ file: SourceFile, settings: SiteSettings?) -> ParsedFile {
    let sink = DiagnosticSink(file: file.path)
    let kind = ContentPath.classify(file.path)
    switch kind {
    case .settings: return parseSettings(file)
    case .media: return ParsedFile(path: file.path, item: .media(path: file.path), diagnostics: [])
    case .stray(let reason):
      sink.error("unexpected file: \(reason)", at: .fileStart)
      return ParsedFile(path: file.path, item: nil, diagnostics: sink.diagnostics)
    default: break
    }

    guard let text = TextDecoding.decode(file.bytes, sink: sink),
      let parts = FrontMatter.split(text, sink: sink),
      let root = YAMLDocument.compose(parts.yaml, firstLine: parts.yamlFirstLine, sink: sink)
    else { return ParsedFile(path: file.path, item: nil, diagnostics: sink.diagnostics) }

    let context = ItemContext(
      file: file.path, sink: sink, firstLine: parts.yamlFirstLine,
      defaultTimeZone: settings?.timeZone ?? fallbackTimeZone,
      body: BodyParser.parse(
        parts.body, firstLine: parts.bodyFirstLine, allowRawHTML: settings?.unsafeHTML ?? false,
        tableLabel: settings?.language == .en ? "Table" : "Tabel"))

    let item: ContentItem?
    switch kind {
    case .page(let slug):
      item = context.slug(slug, kind: "page", reserved: ReservedSlugs.pages).flatMap { slug in
        PageParser.parse(root, slug: slug, context: context).map { .page($0) }
      }
    case .network(let slug):
      item = context.networkFolder(slug).flatMap { slug in
        NetworkParser.parse(root, slug: slug, context: context).map { .network($0) }
      }
    case .event(let network, let slug):
      let home = network.flatMap { context.networkFolder($0) }
      item = context.slug(slug, kind: "event", reserved: ReservedSlugs.events).flatMap { slug in
        EventParser.parse(
          root, slug: slug, network: home, inNetworkFolder: network != nil, context: context
        )
        .map { .event($0) }
      }
    case .story(let network, let slug):
      let home = network.flatMap { context.networkFolder($0) }
      item = context.slug(slug, kind: "story", reserved: ReservedSlugs.stories).flatMap { slug in
        StoryParser.parse(root, slug: slug, network: home, context: context).map { .story($0) }
      }
    case .newsletter(let network, let slug):
      let home = network.flatMap { context.networkFolder($0) }
      item = context.slug(slug, kind: "newsletter", reserved: ReservedSlugs.newsletters).flatMap {
        slug in
        NewsletterParser.parse(root, slug: slug, network: home, context: context).map {
          .newsletter($0)
        }
      }
    case .settings, .media, .stray:
      item = nil
    }
    // An item with errors is kept, so the resolve step still reports its broken links and
    // references in the same run; the errors stop the build all the same.
    var references = sink.references
    references.body = context.body.0
    return ParsedFile(
      path: file.path, item: item, diagnostics: sink.diagnostics, references: references)
  }
}

/// What the parser of one item needs besides its YAML.
struct ItemContext {
  let file: String
  let sink: DiagnosticSink
  let firstLine: Int
  let defaultTimeZone: TimeZone
  let body: (Body, [Diagnostic])

  func reader(_ root: Node, known: [String]) -> MappingReader? {
    MappingReader(root, known: known, path: "", firstLine: firstLine, sink: sink)
  }

  /// The file's slug, or nil with a diagnostic when the name is not a valid or allowed slug.
  func slug(_ name: String, kind: String, reserved: Set<String>) -> Slug? {
    guard let slug = Slug(name) else {
      let suggestion = Slug.make(from: name).map { "; rename the file to '\($0).md'" } ?? ""
      sink.error(
        "the file name '\(name)' cannot be \(kind.first.map { "aeiou".contains($0) } == true ? "an" : "a") \(kind)'s address: use lower-case letters a–z, digits and hyphens only (no æ, ø, å or spaces)\(suggestion)",
        at: .fileStart)
      return nil
    }
    if reserved.contains(name) {
      sink.error(
        "'\(name)' is a name the site uses for its own pages; rename the \(kind) file (e.g. '\(name)-1.md')",
        at: .fileStart)
      return nil
    }
    return slug
  }

  func networkFolder(_ name: String) -> Slug? {
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
  func takeBody() -> Body {
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

/// Renders a Markdown body and places its links at file positions.
enum BodyParser {
  static func parse(
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
  static func problem(_ link: BodyLink) -> Diagnostic? {
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

/// cmark counts columns in bytes; editors count characters. Links come in document order, so
/// counting goes on from the previous link on the same line instead of from the line's start:
/// one line with 50,000 autolinks stays linear.
struct CharacterColumns {
  let lines: [Substring]
  private var line = 0
  private var byte = 0
  private var column = 1

  init(lines: [Substring]) { self.lines = lines }

  mutating func column(ofByte byteColumn: Int, onLine line: Int) -> Int {
    guard line >= 1, line - 1 < lines.count, byteColumn >= 1 else { return byteColumn }
    if line != self.line || byteColumn < byte + 1 {
      self.line = line
      byte = 0
      column = 1
    }
    let text = lines[line - 1].utf8
    let from = text.index(text.startIndex, offsetBy: min(byte, text.count))
    let to = text.index(text.startIndex, offsetBy: min(byteColumn - 1, text.count))
    // A scalar starts at every byte that is not a UTF-8 continuation byte.
    column += text[from..<to].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    byte = byteColumn - 1
    return column
  }
}
