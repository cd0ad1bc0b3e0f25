import KredsTemplates

/// A theme editor's template: parsed, and when it parses and includes nothing that loops,
/// rendered over values of every kind. Errors must point inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  var library = TemplateLibrary(escapeHTML: { $0 })
  do {
    try library.add(text, named: "main")
    try library.add("<li>{{title}}{{#people}}{{name}}{{/people}}</li>\n", named: "card")
    try library.add("<main>\n  {{$main}}{{/main}}\n</main>\n", named: "layout")
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
  _ = library.render(value, template: "main")
  return 0
}
