/// Reading the template's bytes: text, tag names, delimiters and pragmas.
extension TemplateParser {
  static func string(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: bytes, as: UTF8.self)
  }

  mutating func readSpacesAndTabs() -> ArraySlice<UInt8> {
    let start = position
    while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 {
      position += 1
    }
    return bytes[start..<position]
  }

  mutating func skipWhitespace() {
    while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
  }

  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

  /// Text up to a line end (`\n` or `\r\n`, left unread) or an opening delimiter (read).
  mutating func readText(_ state: State) -> TextEnd {
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

  func matches(_ delimiter: [UInt8], at offset: Int) -> Bool {
    guard offset + delimiter.count <= bytes.count else { return false }
    for index in delimiter.indices where bytes[offset + index] != delimiter[index] { return false }
    return true
  }

  /// The length of the line end at `offset`, if one is there: any of Unicode's line ends, as
  /// swift-mustache counts them when it decides whether a tag stands alone on its line.
  func lineEnd(at offset: Int) -> Int? {
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
  mutating func isStandalone(_ state: State) -> Bool {
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

  mutating func readName(_ state: State, tagStart: Int) throws(TemplateSyntaxError)
    -> String
  {
    try readName(state, tagStart: tagStart, characters: Self.nameCharacters)
  }

  mutating func readPartialName(_ state: State, tagStart: Int) throws(TemplateSyntaxError)
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

  mutating func readName(_ state: State, tagStart: Int, characters: Set<UInt8>)
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
  func templateName(_ text: String, tagStart: Int) throws(TemplateSyntaxError)
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

  mutating func skipComment(_ state: State, tagStart: Int) throws(TemplateSyntaxError) {
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

  mutating func readDelimiters(_ state: inout State, tagStart: Int)
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

  mutating func readPragma(_ state: State, tagStart: Int) throws(TemplateSyntaxError)
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
