import Mustache

/// The templates and assets a build renders with: the default theme with the site's own files
/// laid over it by name.
public struct Theme: Sendable {
  /// Template names every theme must have (`layout` and one per page kind).
  public static let requiredTemplates = [
    "layout", "home", "networks", "network", "events", "archive", "event", "stories", "story",
    "tag", "page", "404",
  ]

  let library: MustacheLibrary
  /// Files under `assets/`, by their path below it.
  public let assets: [String: [UInt8]]

  /// A template file as read from disk: its name without `.mustache`, the path to show in
  /// diagnostics, and its text.
  public struct TemplateSource: Sendable {
    public var name: String
    public var displayPath: String
    public var text: String

    public init(name: String, displayPath: String, text: String) {
      self.name = name
      self.displayPath = displayPath
      self.text = text
    }
  }

  /// Parses the templates; problems are diagnostics naming the template file.
  public static func load(templates: [TemplateSource], assets: [String: [UInt8]]) -> (
    theme: Theme?, diagnostics: [Diagnostic]
  ) {
    var library = MustacheLibrary()
    var diagnostics: [Diagnostic] = []
    FastHTMLEscaping.register()
    for source in templates.sorted(by: { $0.name < $1.name }) {
      do {
        // Every template (a partial starts with the library's escaper again) switches to the
        // fast one on a line of its own, which Mustache removes; error lines are shifted back.
        let text = "{{% CONTENT_TYPE: \(FastHTMLEscaping.name) }}\n" + source.text
        library.register(try MustacheTemplate(string: text), named: source.name)
      } catch let error as MustacheTemplate.ParserError {
        diagnostics.append(
          Diagnostic(
            file: source.displayPath,
            location: SourceLocation(
              line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
            message: "template error: \(describe(error.error))"))
      } catch {
        diagnostics.append(
          Diagnostic(
            file: source.displayPath, location: .fileStart, message: "template error: \(error)"))
      }
    }
    let names = Set(templates.map(\.name))
    for required in requiredTemplates where !names.contains(required) {
      diagnostics.append(
        Diagnostic(
          file: "templates/\(required).mustache", location: .fileStart,
          message: "the theme has no '\(required).mustache' template"))
    }
    guard diagnostics.isEmpty else { return (nil, diagnostics) }
    return (Theme(library: library, assets: assets), [])
  }

  /// Mustache's parser errors in words.
  static func describe(_ error: Error) -> String {
    guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
    switch error {
    case .sectionCloseNameIncorrect:
      return
        "this {{/…}} does not close the section opened last; check the names of {{#…}} and {{/…}}"
    case .unfinishedName: return "a tag is not closed; end it with }}"
    case .expectedSectionEnd: return "a section {{#…}} or {{^…}} is never closed with {{/…}}"
    case .invalidSetDelimiter: return "the {{=… …=}} tag is malformed"
    case .transformAppliedToInheritanceSection:
      return "a transform cannot be used on a {{<…}} or {{$…}} section"
    case .illegalTokenInsideInheritSection:
      return "only {{$…}} blocks may stand inside a {{<…}} section"
    case .textInsideInheritSection:
      return "only {{$…}} blocks may stand inside a {{<…}} section, not text"
    case .invalidConfigVariableSyntax: return "the {{% …}} pragma is malformed"
    case .unrecognisedConfigVariable: return "unknown {{% …}} pragma"
    @unknown default: return "\(error)"
    }
  }

  func render(_ context: [String: Any], template: String) -> String {
    library.render(context, withTemplate: template) ?? ""
  }
}

/// HTML escaping for `{{value}}` with ``HTMLText/escape(_:)``: the same five characters as
/// swift-mustache's own escaper, but over bytes and returning the string untouched when nothing
/// needs escaping: the library's character-by-character version took a sixth of a large build.
struct FastHTMLEscaping: MustacheContentType {
  static let name = "KREDS_HTML"
  private static let registered: Bool = {
    MustacheContentTypes.register(FastHTMLEscaping(), named: name)
    return true
  }()

  static func register() { _ = registered }

  func escapeText(_ text: String) -> String { HTMLText.escape(text) }
}
