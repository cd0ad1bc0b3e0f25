import Testing

@testable import KredsTemplates

/// A theme editor's mistakes: each is refused with the line and column of the tag and what to
/// write instead, never rendered as something else.
@Suite struct TemplateSyntaxErrorTests {
  static func error(_ text: String) -> TemplateSyntaxError? {
    var library = TemplateLibrary(escapeHTML: { $0 })
    do {
      try library.add(text, named: "page")
      return nil
    } catch {
      return error
    }
  }

  @Test func unclosedSectionPointsAtItsOpeningTag() throws {
    let error = try #require(Self.error("<ul>\n  {{#people}}\n  <li>{{name}}</li>\n</ul>\n"))
    #expect(error.line == 2 && error.column == 3)
    #expect(error.message.contains("{{/people}}"))
  }

  @Test func wrongClosingTagNamesTheOpenSection() throws {
    let error = try #require(Self.error("{{#a}}\n{{#b}}x{{/a}}\n"))
    #expect(error.line == 2 && error.column == 8)
    #expect(error.message.contains("{{#b}}"))
  }

  @Test func closingTagWithoutSection() throws {
    let error = try #require(Self.error("æø {{/a}}"))
    #expect(error.line == 1 && error.column == 4)
    #expect(error.message.contains("never opened"))
  }

  @Test func unclosedTag() throws {
    let error = try #require(Self.error("x\n\n  {{title}\n"))
    #expect(error.line == 3 && error.column == 3)
    #expect(error.message.contains("end it with }}"))
  }

  @Test func unknownTransformListsTheKnownOnes() throws {
    let error = try #require(Self.error("{{#sorted(tags)}}{{/sorted(tags)}}"))
    #expect(error.message.contains("'sorted(…)'") && error.message.contains("empty"))
  }

  @Test func malformedTransform() throws {
    #expect(Self.error("{{empty(tags}}") != nil)
    #expect(Self.error("{{empty(tags))}}") != nil)
  }

  @Test func unknownContentTypeAndPragma() throws {
    #expect(try #require(Self.error("{{% CONTENT_TYPE: XML }}")).message.contains("'XML'"))
    #expect(try #require(Self.error("{{% LAMBDAS: on }}")).message.contains("'LAMBDAS'"))
  }

  @Test func unclosedTripleMustacheAndComment() throws {
    #expect(try #require(Self.error("{{{raw}}")).message.contains("}}}"))
    #expect(try #require(Self.error("a {{! never")).message.contains("comment"))
  }

  @Test func otherTagsInsideAParentAreRefused() throws {
    let error = try #require(Self.error("{{<layout}}\n{{title}}\n{{/layout}}"))
    #expect(error.line == 1 && error.column == 1)
    #expect(error.message.contains("{{$block}}"))
  }

  @Test func dynamicPartialsAreRefused() throws {
    #expect(try #require(Self.error("{{>*name}}")).message.contains("not supported"))
  }

  @Test func missingPartialsAreFound() throws {
    var library = TemplateLibrary(escapeHTML: { $0 })
    try library.add("{{<layout}}{{$main}}{{> card}}{{/main}}{{/layout}}{{> card}}", named: "page")
    try library.add("{{$main}}{{/main}}", named: "layout")
    #expect(library.missingPartials(of: "page") == ["card"])
    #expect(library.missingPartials(of: "layout").isEmpty)
  }

  @Test func customDelimitersAndTheirErrors() throws {
    var library = TemplateLibrary(escapeHTML: { $0 })
    try library.add("{{=<% %>=}}<% title %>{{title}}", named: "page")
    #expect(library.render(.object(["title": .text("T")]), template: "page") == "T{{title}}")
    #expect(Self.error("{{=<%=}}") != nil)
  }

  @Test func inclusionCyclesAreFound() throws {
    var library = TemplateLibrary(escapeHTML: { $0 })
    try library.add("{{#items}}{{> item}}{{/items}}", named: "list")
    try library.add("<li>{{> link}}</li>", named: "item")
    try library.add("<a>{{> item}}</a>", named: "link")
    try library.add("{{<layout}}{{$main}}x{{/main}}{{/layout}}", named: "page")
    try library.add("{{$main}}{{/main}}{{> self}}", named: "layout")
    try library.add("{{> self}}", named: "self")
    #expect(library.inclusionCycle(from: "list") == ["item", "link", "item"])
    #expect(library.inclusionCycle(from: "page") == ["self", "self"])
    #expect(library.inclusionCycle(from: "link") == ["link", "item", "link"])

    var acyclic = TemplateLibrary(escapeHTML: { $0 })
    try acyclic.add("{{> card}}{{> card}}", named: "page")
    try acyclic.add("x", named: "card")
    #expect(acyclic.inclusionCycle(from: "page") == nil)
  }

  @Test func nestingIsBounded() throws {
    let deep = String(repeating: "{{#a}}", count: 150) + String(repeating: "{{/a}}", count: 150)
    let error = try #require(Self.error(deep))
    #expect(error.message.contains("nested more than 100"))
    let fine = String(repeating: "{{#a}}", count: 50) + String(repeating: "{{/a}}", count: 50)
    #expect(Self.error(fine) == nil)
  }

  /// Found by FuzzTemplate: an override holding its own block rendered itself until the stack
  /// ran out. Inside its override, the block is its default.
  @Test func aBlockInsideItsOwnOverrideIsItsDefault() throws {
    var library = TemplateLibrary(escapeHTML: { $0 })
    try library.add("<main>{{$main}}default{{/main}}</main>", named: "layout")
    try library.add(
      "{{<layout}}{{$main}}[{{$main}}inner{{/main}}]{{/main}}{{/layout}}", named: "page")
    #expect(library.render(.object([:]), template: "page") == "<main>[inner]</main>")
  }
}
