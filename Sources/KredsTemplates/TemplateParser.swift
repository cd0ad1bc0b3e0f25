/// Mustache text → nodes, by the Mustache specification with its inheritance module, and with
/// swift-mustache's reading of the corners the specification leaves open (a block's lines lose
/// the indentation of its first line; text between the blocks of `{{<parent}}` is ignored), so
/// themes written for swift-mustache render the same.
struct TemplateParser {
  private let bytes: [UInt8]
  private var position = 0

  /// What the parser knows at a point in the text; a section's state ends with the section.
  private struct State {
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
  private enum TextEnd: Equatable {
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

  // MARK: Reading

  private static func string(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: bytes, as: UTF8.self)
  }

  private mutating func readSpacesAndTabs() -> ArraySlice<UInt8> {
    let start = position
    while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 {
      position += 1
    }
    return bytes[start..<position]
  }

  private mutating func skipWhitespace() {
    while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

  /// Text up to a line end (`\n` or `\r\n`, left unread) or an opening delimiter (read).
  private mutating func readText(_ state: State) -> TextEnd {
    let first = state.open[0]
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\n") { return .newline(length: 1) }
      if byte == UInt8(ascii: "\r"), position + 1 < bytes.count,
        bytes[position + 1] == UInt8(ascii: "\n")
      {
        return .newline(length: 2)
      }
      if byte == first, matches(state.open, at: position) {
        position += state.open.count
        return .tag
      }
      position += 1
    }
    return .end
  }

  private func matches(_ delimiter: [UInt8], at offset: Int) -> Bool {
    guard offset + delimiter.count <= bytes.count else { return false }
    for index in delimiter.indices where bytes[offset + index] != delimiter[index] { return false }
    return true
  }

  /// The length of the line end at `offset`, if one is there: any of Unicode's line ends, as
  /// swift-mustache counts them when it decides whether a tag stands alone on its line.
  private func lineEnd(at offset: Int) -> Int? {
    guard offset < bytes.count else { return nil }
    switch bytes[offset] {
    case 0x0A, 0x0B, 0x0C: return 1
    case 0x0D: return offset + 1 < bytes.count && bytes[offset + 1] == 0x0A ? 2 : 1
    case 0xC2: return offset + 1 < bytes.count && bytes[offset + 1] == 0x85 ? 2 : nil
    case 0xE2:
      guard offset + 2 < bytes.count, bytes[offset + 1] == 0x80,
        bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9
      else { return nil }
      return 3
    default: return nil
    }
  }

  /// Whether the tag just read stands alone on its line; if so, the rest of the line is read.
  private mutating func isStandalone(_ state: State) -> Bool {
    guard state.newLine else { return false }
    if position >= bytes.count { return true }
    var offset = position
    while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x09 { offset += 1 }
    guard let length = lineEnd(at: offset) else { return false }
    position = offset + length
    return true
  }

  /// The characters of a pragma's words; names add brackets (transforms), partial names `/`.
  private static let wordCharacters: Set<UInt8> = Set(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*".utf8)
  private static let nameCharacters = wordCharacters.union("()".utf8)
  private static let partialNameCharacters = wordCharacters.union("/".utf8)

  private mutating func readName(_ state: State, tagStart: Int) throws(TemplateSyntaxError)
    -> String
  {
    try readName(state, tagStart: tagStart, characters: Self.nameCharacters)
  }

  private mutating func readPartialName(_ state: State, tagStart: Int) throws(TemplateSyntaxError)
    -> String
  {
    let name = try readName(state, tagStart: tagStart, characters: Self.partialNameCharacters)
    if name.hasPrefix("*") {
      throw .at(
        tagStart, in: bytes,
        "dynamic partial names ({{>*\(name.dropFirst())}}) are not supported; name the template")
    }
    return name
  }

  private mutating func readName(_ state: State, tagStart: Int, characters: Set<UInt8>)
    throws(TemplateSyntaxError) -> String
  {
    skipWhitespace()
    let start = position
    while position < bytes.count, characters.contains(bytes[position]) {
      position += 1
    }
    let name = Self.string(bytes[start..<position])
    skipWhitespace()
    guard matches(state.close, at: position) else {
      let closing = Self.string(state.close[...])
      throw .at(
        tagStart, in: bytes,
        "this tag is not closed: write a name of letters, digits, '.', '-' and '_' and end it with \(closing)"
      )
    }
    position += state.close.count
    return name
  }

  /// `name`, `transform(name)` or `outer(inner(name))`, as written in a tag.
  private func templateName(_ text: String, tagStart: Int) throws(TemplateSyntaxError)
    -> TemplateName
  {
    guard text.contains("(") || text.contains(")") else {
      return TemplateName(path: TemplatePath(text), transforms: [])
    }
    let malformed = TemplateSyntaxError.at(
      tagStart, in: bytes,
      "'\(text)' is not a name or a transform such as empty(events); check the brackets")
    var parts = text.split(separator: "(", omittingEmptySubsequences: false).map(String.init)
    guard parts.count >= 2, var innermost = parts.popLast() else { throw malformed }
    let closing = innermost.drop { $0 != ")" }
    innermost = String(innermost.prefix { $0 != ")" })
    guard closing.count == parts.count, closing.allSatisfy({ $0 == ")" }) else { throw malformed }
    var transforms: [TemplateTransform] = []
    for name in parts.reversed() {
      guard let transform = TemplateTransform(rawValue: name) else {
        let known = TemplateTransform.allCases.map(\.rawValue).joined(separator: ", ")
        throw .at(
          tagStart, in: bytes,
          "unknown transform '\(name)(…)'; the transforms are \(known)")
      }
      transforms.append(transform)
    }
    let path = innermost.isEmpty ? TemplatePath.position : TemplatePath(innermost)
    return TemplateName(path: path, transforms: transforms)
  }

  private mutating func skipComment(_ state: State, tagStart: Int) throws(TemplateSyntaxError) {
    while position < bytes.count {
      if matches(state.close, at: position) {
        position += state.close.count
        return
      }
      position += 1
    }
    let closing = Self.string(state.close[...])
    throw .at(tagStart, in: bytes, "this comment is never closed; end it with \(closing)")
  }

  private mutating func readDelimiters(_ state: inout State, tagStart: Int)
    throws(TemplateSyntaxError)
  {
    let malformed = TemplateSyntaxError.at(
      tagStart, in: bytes,
      "this {{=… …=}} tag is malformed; write the two new delimiters with a space between them, like {{=<% %>=}}"
    )
    skipWhitespace()
    let openStart = position
    while position < bytes.count, !Self.isWhitespace(bytes[position]) { position += 1 }
    guard position < bytes.count else { throw malformed }
    let open = Array(bytes[openStart..<position])
    skipWhitespace()
    let closeStart = position
    while position < bytes.count, !Self.isWhitespace(bytes[position]),
      bytes[position] != UInt8(ascii: "=")
    {
      position += 1
    }
    guard position < bytes.count else { throw malformed }
    let close = Array(bytes[closeStart..<position])
    skipWhitespace()
    guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { throw malformed }
    position += 1
    guard matches(state.close, at: position), !open.isEmpty, !close.isEmpty else { throw malformed }
    position += state.close.count
    state.open = open
    state.close = close
    state.atParentTopLevel = false
  }

  private mutating func readPragma(_ state: State, tagStart: Int) throws(TemplateSyntaxError)
    -> TemplateNode
  {
    let malformed = TemplateSyntaxError.at(
      tagStart, in: bytes,
      "this {{% …}} pragma is malformed; write it like {{% CONTENT_TYPE: TEXT }}")
    func word() -> String {
      skipWhitespace()
      let start = position
      while position < bytes.count, Self.wordCharacters.contains(bytes[position]) {
        position += 1
      }
      let word = Self.string(bytes[start..<position])
      skipWhitespace()
      return word
    }
    let variable = word()
    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw malformed }
    position += 1
    let value = word()
    guard matches(state.close, at: position), !variable.isEmpty, !value.isEmpty else {
      throw malformed
    }
    position += state.close.count
    guard variable == "CONTENT_TYPE" else {
      throw .at(
        tagStart, in: bytes,
        "unknown pragma '\(variable)'; the one pragma is {{% CONTENT_TYPE: HTML }} or {{% CONTENT_TYPE: TEXT }}"
      )
    }
    switch value {
    case "HTML", "KREDS_HTML": return .escaping(true)
    case "TEXT": return .escaping(false)
    default:
      throw .at(
        tagStart, in: bytes, "unknown content type '\(value)'; write HTML (escaped) or TEXT (as is)"
      )
    }
  }
}
