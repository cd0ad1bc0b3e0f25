import Foundation
import KredsSite
import KredsTemplates
import Mustache

/// A theme editor's template: parsed, and when it parses and includes nothing that loops,
/// rendered over values of every kind. Errors must point inside the text. When swift-mustache
/// reads the template too, both engines must write the same bytes (docs/TEMPLATES.md names the
/// one difference on purpose, indented standalone partials and blocks, which is not compared).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let partials = [
    "card": "<li>{{title}}{{#people}}{{name}}{{/people}}</li>\n",
    // Not indented: an indented block is where the engines differ on purpose.
    "layout": "<main>\n{{$main}}{{/main}}\n</main>\n",
  ]
  var library = TemplateLibrary(escapeHTML: HTMLText.escape)
  do {
    try library.add(text, named: "main")
    for (name, partial) in partials { try library.add(partial, named: name) }
  } catch {
    let lines = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    precondition(
      (1...lines).contains(error.line) && error.column >= 1,
      "error outside the text (\(lines) lines): \(error.line):\(error.column) \(error.message)")
    return 0
  }
  guard library.inclusionCycle(from: "main") == nil else { return 0 }
  let person: TemplateValue = .object(["name": .text("Anne <a>"), "email": .absent])
  let value: TemplateValue = .object([
    "title": .text("Grøn & \"energi\""), "yes": .bool(true), "no": .bool(false),
    "none": .list([]), "people": .list([person, person]), "nothing": .absent,
    "tags": .list([.text("a"), .text("")]), "event": .object(["place": person]),
  ])
  let rendered = library.render(value, template: "main")
  guard !hasIndentedStandaloneTag(text), !hasBlockInsideItsOwnOverride(text),
    let reference = referenceRendering(text, partials, value)
  else { return 0 }
  // fatalError, not precondition: an optimised build drops a precondition's message.
  guard rendered == reference else {
    fatalError(
      "Kreds and swift-mustache differ:\nKreds: \(String(reflecting: rendered))\nswift-mustache: \(String(reflecting: reference))"
    )
  }
  return 0
}

/// swift-mustache's rendering, nil when it does not read the template.
func referenceRendering(_ text: String, _ partials: [String: String], _ value: TemplateValue)
  -> String?
{
  var library = MustacheLibrary()
  guard let main = try? MustacheTemplate(string: text) else { return nil }
  library.register(main, named: "main")
  for (name, partial) in partials {
    guard let template = try? MustacheTemplate(string: partial) else { return nil }
    library.register(template, named: name)
  }
  return library.render(referenceValue(value), withTemplate: "main")
}

/// Values in swift-mustache's terms, as Kreds handed them to it before it had its own engine.
func referenceValue(_ value: TemplateValue) -> Any {
  switch value {
  case .absent: return Absent()
  case .text(let text): return text
  case .bool(let flag): return flag
  case .list(let items): return items.map(referenceValue)
  case .object(let fields): return fields.mapValues(referenceValue)
  }
}

struct Absent: MustacheCustomRenderable {
  var renderText: String { "" }
  var isNull: Bool { true }
}

/// A partial, parent or block tag on a line that starts with spaces or tabs (where the engines
/// differ on purpose), or a delimiter change, after which tags cannot be told by their text.
func hasIndentedStandaloneTag(_ text: String) -> Bool {
  if text.contains("{{=") { return true }
  for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
    guard line.first == " " || line.first == "\t" else { continue }
    var rest = line[...]
    while let open = rest.range(of: "{{") {
      rest = rest[open.upperBound...].drop { $0 == " " || $0 == "\t" }
      if let kind = rest.first, ">$<".contains(kind) { return true }
    }
  }
  return false
}

/// A block `{{$name}}` opened again inside itself: swift-mustache renders that forever (Kreds
/// renders the inner one as its default, docs/RELIABILITY.md), so it is not compared.
func hasBlockInsideItsOwnOverride(_ text: String) -> Bool {
  var open: [String] = []
  var rest = text[...]
  while let start = rest.range(of: "{{"), let end = rest[start.upperBound...].range(of: "}}") {
    let tag = rest[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespaces)
    rest = rest[end.upperBound...]
    guard let kind = tag.first else { continue }
    let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
    switch kind {
    case "$":
      if open.contains("$" + name) { return true }
      open.append("$" + name)
    case "#", "^", "<": open.append(String(kind) + name)
    case "/": if !open.isEmpty { open.removeLast() }
    default: break
    }
  }
  return false
}
