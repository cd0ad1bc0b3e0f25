import Mustache
import Testing

@testable import KredsTemplates

/// Kreds' template engine against swift-mustache, the engine Kreds used before: the same
/// templates and values must give the same bytes, whitespace included, so themes written for one
/// render the same with the other.
@Suite struct ReferenceRenderingTests {
  /// Values in swift-mustache's terms: dictionaries, arrays, strings, flags, and a null object
  /// for absent values (what Kreds gave it).
  struct Absent: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
  }

  static func reference(_ value: TemplateValue) -> Any {
    switch value {
    case .absent: return Absent()
    case .text(let text): return text
    case .bool(let flag): return flag
    case .list(let items): return items.map(reference)
    case .object(let fields): return fields.mapValues(reference)
    }
  }

  /// Renders `main` (with the other templates as partials) with both engines.
  static func both(_ templates: [String: String], _ value: TemplateValue, main: String = "main")
    throws -> (kreds: String?, reference: String?)
  {
    var library = TemplateLibrary(escapeHTML: escapeLikeMustache)
    var reference = MustacheLibrary()
    for (name, text) in templates {
      try library.add(text, named: name)
      reference.register(try MustacheTemplate(string: text), named: name)
    }
    return (
      library.render(value, template: main),
      reference.render(Self.reference(value), withTemplate: main)
    )
  }

  /// swift-mustache's own HTML escaping, character by character.
  @Sendable static func escapeLikeMustache(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "&": result += "&amp;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }

  static let data: TemplateValue = .object([
    "title": .text("Grøn <omstilling> & \"energi\""),
    "empty": .text(""),
    "nothing": .absent,
    "yes": .bool(true),
    "no": .bool(false),
    "none": .list([]),
    "people": .list([
      .object(["name": .text("Anne"), "role": .text("formand"), "email": .absent]),
      .object(["name": .text("Bo"), "role": .absent, "email": .text("bo@example.dk")]),
    ]),
    "tags": .list([.text("energi"), .text(""), .text("byg")]),
    "event": .object([
      "title": .text("Netværksmøde"), "summary": .absent,
      "place": .object(["name": .text("Erhvervshuset"), "city": .text("Vejle")]),
    ]),
    "multiline": .text("første\nanden\n"),
  ])

  /// Every kind of tag, standalone and inline, with the whitespace the specification cares about.
  static let cases: [(String, [String: String])] = [
    ("plain", ["main": "Hello {{title}}, {{{title}}} and {{& title}}.\n"]),
    ("missing and absent", ["main": "[{{missing}}][{{nothing}}][{{empty}}][{{yes}}][{{no}}]\n"]),
    ("dotted", ["main": "{{event.place.name}} {{event.place.missing}} {{event.summary.x}}|\n"]),
    (
      "sections",
      [
        "main":
          "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{#none}}L{{/none}}{{^none}}!L{{/none}}{{#nothing}}A{{/nothing}}{{^nothing}}!A{{/nothing}}{{#empty}}E{{/empty}}{{^missing}}!M{{/missing}}\n"
      ]
    ),
    (
      "standalone sections",
      [
        "main":
          "<ul>\n  {{#people}}\n  <li>{{name}}{{#role}} ({{.}}){{/role}}{{^email}} –{{/email}}</li>\n  {{/people}}\n</ul>\n"
      ]
    ),
    ("implicit iterator", ["main": "{{#tags}}[{{.}}]{{/tags}}\n{{#tags}}\n  - {{.}}\n{{/tags}}\n"]),
    ("context lookup", ["main": "{{#people}}{{name}} in {{title}}; {{/people}}\n"]),
    ("innermost only", ["main": "{{#people}}{{.title}}|{{.name}};{{/people}}\n"]),
    (
      "section on object",
      ["main": "{{#event}}{{title}} @ {{#place}}{{name}}, {{city}}{{/place}}{{/event}}\n"]
    ),
    ("comments", ["main": "a\n  {{! standalone }}\nb {{! inline }} c\n{{!\nmulti\nline\n}}\nd\n"]),
    ("crlf", ["main": "a\r\n  {{#yes}}\r\n  b\r\n  {{/yes}}\r\nc\r\n"]),
    (
      "partials",
      [
        "main": "<div>\n  {{> card}}\n  <p>{{> inline}}</p>\n</div>\n",
        "card": "<h2>{{title}}</h2>\n<p>\n  {{multiline}}\n</p>\n",
        "inline": "[{{event.title}}]",
      ]
    ),
    (
      "partials in lists",
      [
        "main": "<ul>\n  {{#people}}\n    {{> person}}\n  {{/people}}\n</ul>\n",
        "person": "<li>\n  {{name}}\n  {{#email}}\n  <a>{{.}}</a>\n  {{/email}}\n</li>\n",
      ]
    ),
    (
      "inheritance",
      [
        "main":
          "{{<layout}}\n{{$head}}\n  <meta name=\"x\">\n{{/head}}\n{{$main}}\n    <h1>{{title}}</h1>\n    <p>{{#people}}{{name}} {{/people}}</p>\n{{/main}}\n{{/layout}}\n",
        "layout":
          "<html>\n<head>\n  {{$head}}{{/head}}\n</head>\n<body>\n  <main>\n    {{$main}}default{{/main}}\n  </main>\n  {{$footer}}<footer>{{title}}</footer>{{/footer}}\n</body>\n</html>\n",
      ]
    ),
    (
      "content type",
      [
        "main": "{{title}}\n{{% CONTENT_TYPE: TEXT }}\n{{title}}\n{{> part}}\n",
        "part": "{{title}}\n",
      ]
    ),
    ("delimiters", ["main": "{{=<% %>=}}\n<% title %> {{title}}\n<%={{ }}=%>\n{{title}}\n"]),
    ("trailing whitespace", ["main": "a\n  {{#yes}}  \n b \n  {{/yes}}  "]),
    (
      "transforms",
      [
        "main":
          "{{#empty(none)}}E{{/empty(none)}}{{^empty(people)}}P{{/empty(people)}}{{count(people)}}{{count(event)}}|{{#first(people)}}{{name}}{{/first(people)}}{{last(tags)}}|{{uppercased(event.title)}}{{lowercased(title)}}{{capitalized(multiline)}}{{reversed(event.title)}}|{{^empty(nothing)}}A{{/empty(nothing)}}{{#empty(empty)}}e{{/empty(empty)}}{{#reversed(tags)}}{{.}},{{/reversed(tags)}}{{#first(none)}}X{{/first(none)}}{{#empty(yes)}}B{{/empty(yes)}}\n"
      ]
    ),
    (
      "list positions",
      [
        "main":
          "{{#people}}{{#first()}}F{{/first()}}{{index()}}{{#odd()}}o{{/odd()}}{{#even()}}e{{/even()}}{{^last()}},{{/last()}}{{#name}}[{{index()}}]{{/name}}{{/people}}{{first()}}\n"
      ]
    ),
    ("indented variable", ["main": "  {{title}}\n\t{{#people}}{{name}}{{/people}}\n"]),
  ]

  @Test(arguments: cases.map(\.0))
  func rendersLikeSwiftMustache(_ name: String) throws {
    let templates = try #require(Self.cases.first { $0.0 == name }?.1)
    let (kreds, reference) = try Self.both(templates, Self.data)
    #expect(kreds == reference)
  }

  /// The one place the engines differ on purpose: swift-mustache indents a list's section, in an
  /// indented partial or block, before its first element only; every line is indented here, as
  /// the specification says.
  @Test func indentsEveryElementOfAListInAnIndentedPartial() throws {
    let templates = [
      "main": "<ul>\n  {{> items}}\n</ul>\n",
      "items": "{{#people}}\n<li>{{name}}</li>\n{{/people}}\n",
    ]
    let (kreds, reference) = try Self.both(templates, Self.data)
    #expect(kreds == "<ul>\n  <li>Anne</li>\n  <li>Bo</li>\n</ul>\n")
    #expect(reference == "<ul>\n  <li>Anne</li>\n<li>Bo</li>\n</ul>\n")
  }
}
