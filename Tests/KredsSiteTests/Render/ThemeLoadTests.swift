import Testing

@testable import KredsSite

/// Template mistakes stop the build with the template's file, line and column.
@Suite struct ThemeLoadTests {
  static func source(_ name: String, _ text: String) -> Theme.TemplateSource {
    Theme.TemplateSource(name: name, displayPath: "templates/\(name).mustache", text: text)
  }

  static var complete: [Theme.TemplateSource] {
    Theme.requiredTemplates.map { source($0, $0 == "layout" ? "{{$main}}{{/main}}" : "x") }
  }

  @Test func aCompleteThemeLoads() {
    let (theme, diagnostics) = Theme.load(templates: Self.complete, assets: [:])
    #expect(theme != nil)
    #expect(diagnostics.isEmpty)
  }

  @Test func syntaxErrorsNameFileLineAndColumn() throws {
    var templates = Self.complete.filter { $0.name != "event" }
    templates.append(Self.source("event", "<h1>{{event.title}}</h1>\n{{#event.speakers}}\n"))
    let (theme, diagnostics) = Theme.load(templates: templates, assets: [:])
    #expect(theme == nil)
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostics.count == 1)
    #expect(diagnostic.file == "templates/event.mustache")
    #expect(diagnostic.location.line == 2 && diagnostic.location.column == 1)
    #expect(diagnostic.message.contains("{{/event.speakers}}"))
  }

  @Test func aMissingPartialIsAnError() throws {
    var templates = Self.complete.filter { $0.name != "home" }
    templates.append(Self.source("home", "{{#upcoming}}{{> event-crad}}{{/upcoming}}"))
    let (theme, diagnostics) = Theme.load(templates: templates, assets: [:])
    #expect(theme == nil)
    #expect(diagnostics.map(\.file) == ["templates/home.mustache"])
    #expect(diagnostics.first?.message.contains("event-crad") == true)
  }

  @Test func aMissingRequiredTemplateIsAnError() {
    let templates = Self.complete.filter { $0.name != "404" }
    let (theme, diagnostics) = Theme.load(templates: templates, assets: [:])
    #expect(theme == nil)
    #expect(diagnostics.map(\.file) == ["templates/404.mustache"])
  }

  @Test func templatesIncludingEachOtherAreOneError() throws {
    var templates = Self.complete.filter { $0.name != "home" }
    templates.append(Self.source("home", "{{#upcoming}}{{> event-card}}{{/upcoming}}"))
    templates.append(Self.source("event-card", "<li>{{> event-link}}</li>"))
    templates.append(Self.source("event-link", "<a>{{> event-card}}</a>"))
    let (theme, diagnostics) = Theme.load(templates: templates, assets: [:])
    #expect(theme == nil)
    #expect(diagnostics.map(\.file) == ["templates/event-card.mustache"])
    #expect(
      diagnostics.first?.message.contains(
        "event-card.mustache → event-link.mustache → event-card.mustache") == true)
  }
}
