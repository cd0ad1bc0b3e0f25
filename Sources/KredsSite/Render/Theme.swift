import KredsTemplates

/// The templates and assets a build renders with: the default theme with the site's own files
/// laid over it by name.
public struct Theme: Sendable {
  /// Template names every theme must have (`layout` and one per page kind).
  public static let requiredTemplates = [
    "layout", "home", "networks", "network", "events", "archive", "event", "stories", "story",
    "tag", "page", "404",
  ]

  let library: TemplateLibrary
  /// Files under `assets/`, by their path below it.
  public let assets: [String: [UInt8]]
  /// Where strict mode (``checkingNames()``) keeps the names templates looked up in vain.
  let missingNames: MissingTemplateNames?
  /// Where ``recordingRenders()`` keeps every render.
  let recorder: TemplateRenderRecorder?
  /// The path of each template's file, as diagnostics show it.
  let displayPaths: [String: String]

  /// A template file as read from disk: its name without `.mustache`, the path to show in
  /// diagnostics, and its text.
  public struct TemplateSource: Sendable, Equatable {
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
    var library = TemplateLibrary(escapeHTML: HTMLText.escape)
    var diagnostics: [Diagnostic] = []
    let sources = templates.sorted(by: { $0.name < $1.name })
    for source in sources {
      do {
        try library.add(source.text, named: source.name)
      } catch {
        diagnostics.append(
          Diagnostic(
            file: source.displayPath,
            location: SourceLocation(line: error.line, column: error.column),
            message: "template error: \(error.message)"))
      }
    }
    // A partial that is not there would render as nothing, silently.
    for source in sources {
      for missing in library.missingPartials(of: source.name) {
        diagnostics.append(
          Diagnostic(
            file: source.displayPath, location: .fileStart,
            message:
              "template error: {{> \(missing)}} names a template that does not exist; add '\(missing).mustache' to the templates or correct the name"
          ))
      }
    }
    // A template that includes itself would render forever; one report per cycle.
    var reportedCycles: Set<[String]> = []
    for source in sources {
      guard let cycle = library.inclusionCycle(from: source.name) else { continue }
      let members = Array(Set(cycle)).sorted()
      guard reportedCycles.insert(members).inserted else { continue }
      let shown = cycle.map { "\($0).mustache" }.joined(separator: " → ")
      diagnostics.append(
        Diagnostic(
          file: sources.first { $0.name == cycle[0] }?.displayPath
            ?? "templates/\(cycle[0]).mustache",
          location: .fileStart,
          message:
            "template error: the templates include each other in a circle (\(shown)), which would never end; remove one of the {{> …}} or {{< …}}"
        ))
    }
    let names = Set(templates.map(\.name))
    for required in requiredTemplates where !names.contains(required) {
      diagnostics.append(
        Diagnostic(
          file: "templates/\(required).mustache", location: .fileStart,
          message: "the theme has no '\(required).mustache' template"))
    }
    guard diagnostics.isEmpty else { return (nil, diagnostics) }
    let displayPaths = Dictionary(
      sources.map { ($0.name, $0.displayPath) }, uniquingKeysWith: { _, last in last })
    return (
      Theme(
        library: library, assets: assets, missingNames: nil, recorder: nil,
        displayPaths: displayPaths), []
    )
  }

  /// The theme in strict mode: every name a template looks up and no context holds is kept, and
  /// ``missingNameDiagnostics()`` reports it. The tests render every fixture site this way, so
  /// a template that names a key its view lacks (a typo, or a key the view builder forgot)
  /// fails instead of rendering as nothing.
  public func checkingNames() -> Theme {
    Theme(
      library: library, assets: assets, missingNames: MissingTemplateNames(), recorder: nil,
      displayPaths: displayPaths)
  }

  /// The theme keeping every render (template, value and text) in the recorder it returns, so
  /// that a test can render the same values with another Mustache engine.
  public func recordingRenders() -> (theme: Theme, recorder: TemplateRenderRecorder) {
    let recorder = TemplateRenderRecorder()
    return (
      Theme(
        library: library, assets: assets, missingNames: missingNames, recorder: recorder,
        displayPaths: displayPaths),
      recorder
    )
  }

  /// In strict mode, one error per template and name that no context held, so far.
  public func missingNameDiagnostics() -> [Diagnostic] {
    missingNames?.diagnostics(displayPaths: displayPaths) ?? []
  }

  func render(_ view: View, template: String) -> String {
    let value = view.templateValue
    let text: String
    if let missingNames {
      let result = library.renderNamingMissing(value, template: template)
      missingNames.add(result?.missing ?? [], template: template)
      text = result?.text ?? ""
    } else {
      text = library.render(value, template: template) ?? ""
    }
    recorder?.add(TemplateRenderRecorder.Render(template: template, value: value, text: text))
    return text
  }
}
