/// Mustache text → nodes, by the Mustache specification with its inheritance module, and with
/// swift-mustache's reading of the corners the specification leaves open (a block's lines lose
/// the indentation of its first line; text between the blocks of `{{<parent}}` is ignored), so
/// themes written for swift-mustache render the same.
struct TemplateParser {
  let bytes: [UInt8]
  var position = 0

  /// What the parser knows at a point in the text; a section's state ends with the section.
  struct State {
    var sectionName: String?
    /// Where the open section's tag starts, for "never closed".
    var sectionStart = 0
    /// How many sections, blocks and parents are open around this point.
    var depth = 0
    /// No text or tag stands before this point on its line, so a tag here may be standalone.
    var newLine = true
    var open: [UInt8] = Array("{{".utf8)
    var close: [UInt8] = Array("}}".utf8)
    /// Inside `{{<parent}}…{{/parent}}`.
    var inParent = false
    /// Directly inside it, where only `{{$block}}` definitions count.
    var atParentTopLevel = false
    /// Inside a block definition: the indentation of its first line, in bytes (spaces and tabs),
    /// taken off every later line.
    var definitionIndent: Int?

    /// The state inside the section, block or parent `name` whose tag starts at `tagStart`. A
    /// tag that does not stand alone leaves its line's first tag behind it.
    func entering(_ name: String, at tagStart: Int, standalone: Bool) -> State {
      var inner = self
      inner.sectionName = name
      inner.sectionStart = tagStart
      inner.depth += 1
      inner.atParentTopLevel = false
      if !standalone { inner.newLine = false }
      return inner
    }
  }

  /// Why reading text stopped.
  enum TextEnd: Equatable {
    case newline(length: Int)
    case tag
    case end
  }

  private init(_ text: String) { bytes = Array(text.utf8) }

  /// The nodes of a whole template.
  static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
    var parser = TemplateParser(text)
    return try parser.parseNodes(State())
  }

  /// How deep sections, blocks and parents may nest. The default theme needs 6; the bound keeps
  /// parsing and rendering from running out of stack on a template nested thousands deep.
  static let maximumDepth = 100

  private mutating func parseNodes(_ initial: State) throws(TemplateSyntaxError) -> [TemplateNode] {
    guard initial.depth <= Self.maximumDepth else {
      throw .at(
        initial.sectionStart, in: bytes,
        "sections, blocks and parents are nested more than \(Self.maximumDepth) deep here; close some of them first"
      )
    }
    var state = initial
    var nodes: [TemplateNode] = []
    var whitespace: ArraySlice<UInt8> = []
    func flushWhitespace() {
      if !whitespace.isEmpty { nodes.append(.text(Self.string(whitespace))) }
      whitespace = []
    }
    while position < bytes.count {
      if state.newLine {
        let lineIndent = readSpacesAndTabs()
        if state.inParent && !state.atParentTopLevel {
          if let indent = state.definitionIndent {
            whitespace = lineIndent.dropFirst(indent)
          } else {
            state.definitionIndent = lineIndent.count
          }
        } else {
          whitespace = lineIndent
        }
      }
      let textStart = position
      let end = readText(state)
      if case .newline(let length) = end {
        nodes.append(
          .text(Self.string(whitespace) + Self.string(bytes[textStart..<position + length])))
        position += length
        state.newLine = true
        continue
      }
      let textEnd = end == .tag ? position - state.open.count : position
      if textEnd > textStart {
        nodes.append(.text(Self.string(whitespace) + Self.string(bytes[textStart..<textEnd])))
        whitespace = []
        state.newLine = false
      }
      guard end == .tag else { break }
      let tagStart = textEnd
      var standalone = false
      switch position < bytes.count ? bytes[position] : 0 {
      case UInt8(ascii: "#"), UInt8(ascii: "^"):
        let inverted = bytes[position] == UInt8(ascii: "^")
        position += 1
        let name = try readName(state, tagStart: tagStart)
        standalone = isStandalone(state)
        if !standalone { flushWhitespace() }
        let body = try parseNodes(state.entering(name, at: tagStart, standalone: standalone))
        let reference = try templateName(name, tagStart: tagStart)
        nodes.append(inverted ? .invertedSection(reference, body) : .section(reference, body))

      case UInt8(ascii: "/"):
        position += 1
        let name = try readName(state, tagStart: tagStart)
        guard let open = state.sectionName else {
          throw .at(
            tagStart, in: bytes,
            "{{/\(name)}} closes a section that was never opened; remove it or add {{#\(name)}} before it"
          )
        }
        guard name == open else {
          throw .at(
            tagStart, in: bytes,
            "{{/\(name)}} does not close the section opened last, {{#\(open)}}; close that one first with {{/\(open)}}"
          )
        }
        if !isStandalone(state) { flushWhitespace() }
        return nodes

      case UInt8(ascii: "!"):
        position += 1
        try skipComment(state, tagStart: tagStart)
        standalone = isStandalone(state)

      case UInt8(ascii: "{"):
        flushWhitespace()
        position += 1
        let name = try readName(state, tagStart: tagStart)
        guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else {
          throw .at(tagStart, in: bytes, "{{{\(name)}} is not closed; end it with }}}")
        }
        position += 1
        nodes.append(.value(try templateName(name, tagStart: tagStart), escaped: false))

      case UInt8(ascii: "&"):
        flushWhitespace()
        position += 1
        let name = try readName(state, tagStart: tagStart)
        nodes.append(.value(try templateName(name, tagStart: tagStart), escaped: false))

      case UInt8(ascii: ">"):
        position += 1
        let name = try readPartialName(state, tagStart: tagStart)
        let indentation = Self.string(whitespace)
        flushWhitespace()
        standalone = isStandalone(state)
        nodes.append(
          .partial(name: name, indentation: standalone ? indentation : "", overrides: nil))

      case UInt8(ascii: "<"):
        position += 1
        let name = try readPartialName(state, tagStart: tagStart)
        let indentation = Self.string(whitespace)
        flushWhitespace()
        standalone = isStandalone(state)
        var inner = state.entering(name, at: tagStart, standalone: true)
        inner.newLine = true
        inner.inParent = true
        inner.atParentTopLevel = true
        var overrides: [String: [TemplateNode]] = [:]
        for node in try parseNodes(inner) {
          switch node {
          case .definition(let block, let body): overrides[block] = body
          case .text: break
          default:
            throw .at(
              tagStart, in: bytes,
              "inside {{<\(name)}} … {{/\(name)}} only {{$block}} … {{/block}} sections may stand; move other tags into a block"
            )
          }
        }
        nodes.append(.partial(name: name, indentation: indentation, overrides: overrides))

      case UInt8(ascii: "$"):
        position += 1
        let name = try readName(state, tagStart: tagStart)
        if name.contains("(") {
          throw .at(
            tagStart, in: bytes, "a block {{$\(name)}} cannot have a transform; name it plainly")
        }
        let indentation = Self.string(whitespace)
        let isDefinition = state.atParentTopLevel
        if !isDefinition { flushWhitespace() }
        standalone = isStandalone(state)
        let body = try parseNodes(state.entering(name, at: tagStart, standalone: standalone))
        nodes.append(
          isDefinition
            ? .definition(name: name, nodes: body)
            : .block(name: name, defaultNodes: body, indentation: indentation))

      case UInt8(ascii: "="):
        position += 1
        try readDelimiters(&state, tagStart: tagStart)
        standalone = isStandalone(state)

      case UInt8(ascii: "%"):
        position += 1
        nodes.append(try readPragma(state, tagStart: tagStart))
        standalone = isStandalone(state)

      default:
        flushWhitespace()
        let name = try readName(state, tagStart: tagStart)
        nodes.append(.value(try templateName(name, tagStart: tagStart), escaped: true))
      }
      state.newLine = standalone
    }
    if let open = state.sectionName {
      throw .at(
        state.sectionStart, in: bytes,
        "the section {{#\(open)}} is never closed; end it with {{/\(open)}}")
    }
    return nodes
  }
}
