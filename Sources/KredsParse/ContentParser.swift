import Foundation
import Yams

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
        tableLabel: InterfaceText.word("table", in: settings?.language ?? .da)))

    let item: ContentItem?
    switch kind {
    case .page(let slug):
      item = context.slug(slug, kind: .page, reserved: ReservedSlugs.pages).flatMap { slug in
        PageParser.parse(root, slug: slug, context: context).map { .page($0) }
      }
    case .network(let slug):
      item = context.networkFolder(slug).flatMap { slug in
        NetworkParser.parse(root, slug: slug, context: context).map { .network($0) }
      }
    case .event(let network, let slug):
      let home = network.flatMap { context.networkFolder($0) }
      item = context.slug(slug, kind: .event, reserved: ReservedSlugs.events).flatMap { slug in
        EventParser.parse(
          root, slug: slug, network: home, inNetworkFolder: network != nil, context: context
        )
        .map { .event($0) }
      }
    case .story(let network, let slug):
      let home = network.flatMap { context.networkFolder($0) }
      item = context.slug(slug, kind: .story, reserved: ReservedSlugs.stories).flatMap { slug in
        StoryParser.parse(root, slug: slug, network: home, context: context).map { .story($0) }
      }
    case .newsletter(let network, let slug):
      let home = network.flatMap { context.networkFolder($0) }
      item = context.slug(slug, kind: .newsletter, reserved: ReservedSlugs.newsletters).flatMap {
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
