/// Line layout for the plain-text newsletter (`email.txt`, SITE.md "Newsletters"): lines of at
/// most 78 characters by default, counted as Swift `Character`s so `æ`, `ø` and `å` count one.
///
/// Text is wrapped at spaces. A word too long for a line is broken instead of overflowing; a
/// URL is then written in angle brackets and broken after `/`, `-`, `?`, `&` or `.`, as RFC 3986
/// Appendix C suggests, so readers and mail programs can put it back together. A URL that fits
/// on a line is written as it is.
enum PlainTextLayout {
  static let defaultWidth = 78

  /// `paragraph` wrapped into lines of at most `width` characters, each starting with `indent`.
  /// Runs of white space, line breaks included, count as one space; no-break spaces are kept.
  static func wrap(_ paragraph: String, width: Int = defaultWidth, indent: String = "") -> [String]
  {
    layout(paragraph, width: width, first: indent, rest: indent)
  }

  /// `text` after `marker` with a hanging indent: continuation lines line up under the text.
  /// `indent` goes before the marker, for nested lists.
  static func bullet(
    _ text: String, marker: String = "- ", width: Int = defaultWidth, indent: String = ""
  ) -> [String] {
    let hanging = indent + String(repeating: " ", count: marker.count)
    return layout(text, width: width, first: indent + marker, rest: hanging)
  }

  /// A URL on its own line(s): as it is when it fits, else in angle brackets and broken. White
  /// space is dropped, since a URL cannot hold it.
  static func link(_ url: String, width: Int = defaultWidth, indent: String = "") -> [String] {
    let url = url.split(whereSeparator: \.isWhitespace).joined()
    guard !url.isEmpty else { return [] }
    let room = max(1, width - indent.count)
    if url.count <= room { return [indent + url] }
    return breakWord(url, asURL: true, firstRoom: room, room: room).map { indent + $0 }
  }

  /// A heading wrapped, then a line of `character` as long as its longest line.
  static func underline(
    _ heading: String, with character: Character = "=", width: Int = defaultWidth
  ) -> [String] {
    let lines = wrap(heading, width: width)
    guard let longest = lines.map(\.count).max() else { return [] }
    return lines + [String(repeating: character, count: longest)]
  }

  /// A separator line, such as between the stories and the footer.
  static func rule(_ character: Character = "-", width: Int = defaultWidth) -> String {
    String(repeating: character, count: width)
  }

  /// Blocks of lines as one text: a blank line between blocks, empty blocks left out, every line
  /// ended by `\n`.
  static func document(_ blocks: [[String]]) -> String {
    let text = blocks.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }
    return text.isEmpty ? "" : text.joined(separator: "\n\n") + "\n"
  }

  // MARK: - Layout

  /// Greedy word wrap with `first` before the first line and `rest` before the others.
  private static func layout(_ text: String, width: Int, first: String, rest: String) -> [String] {
    let words = text.split(whereSeparator: isBreakingSpace).map(String.init)
    var lines: [String] = []
    var current = ""
    func room() -> Int { max(1, width - (lines.isEmpty ? first : rest).count) }
    func flush() {
      lines.append((lines.isEmpty ? first : rest) + current)
      current = ""
    }
    for word in words {
      let joined = current.isEmpty ? word : current + " " + word
      if joined.count <= room() {
        current = joined
        continue
      }
      if !current.isEmpty { flush() }
      if word.count <= room() {
        current = word
        continue
      }
      let pieces = breakWord(
        word, asURL: looksLikeURL(word), firstRoom: room(), room: max(1, width - rest.count))
      for piece in pieces.dropLast() {
        current = piece
        flush()
      }
      // Text after a broken URL continues on its last line, as in RFC 3986 Appendix C.
      current = pieces.last ?? ""
    }
    if !current.isEmpty { flush() }
    return lines
  }

  /// Spaces a line may break at; no-break spaces keep "10 km" and "kl. 9" together.
  private static func isBreakingSpace(_ character: Character) -> Bool {
    character.isWhitespace && !["\u{00A0}", "\u{2007}", "\u{202F}"].contains(character)
  }

  private static func looksLikeURL(_ word: String) -> Bool {
    word.contains("://") || word.contains("mailto:") || word.contains("www.")
  }

  /// Characters a URL may be broken after (RFC 3986 Appendix C).
  private static let urlBreaks: Set<Character> = ["/", "-", "?", "&", "."]

  /// `word` cut into pieces of at most `firstRoom`, then `room`, characters. A URL is put in
  /// angle brackets, with punctuation around it (a full stop, parentheses) kept outside, and
  /// cut after `urlBreaks`; anything that still does not fit is cut where the line ends, so no
  /// line is ever too long.
  private static func breakWord(_ word: String, asURL: Bool, firstRoom: Int, room: Int)
    -> [String]
  {
    var characters = Array(word)
    var breakable = 0..<characters.count
    var breaks = urlBreaks
    if asURL {
      let (lead, url, trail) = splitPunctuation(characters)
      let bracketed = lead.last == "<" && trail.first == ">"
      characters = lead + (bracketed ? [] : ["<"]) + url + (bracketed ? [] : [">"]) + trail
      let start = lead.count + (bracketed ? 0 : 1)
      breakable = start..<(start + url.count)
    } else {
      // A long word that is not a URL (a file path, a long compound) breaks where a reader
      // would expect it to.
      breaks = ["/", "-"]
    }
    var pieces: [String] = []
    var start = 0
    var limit = firstRoom
    while characters.count - start > limit {
      var cut = start + limit
      // The last break character within reach, not one followed by another (so never inside
      // "//").
      var candidate = start + limit
      while candidate > start {
        let index = candidate - 1
        if breakable.contains(index), breaks.contains(characters[index]),
          index + 1 < characters.count, !breaks.contains(characters[index + 1])
        {
          cut = candidate
          break
        }
        candidate -= 1
      }
      pieces.append(String(characters[start..<cut]))
      start = cut
      limit = room
    }
    pieces.append(String(characters[start...]))
    return pieces
  }

  /// Leading and trailing punctuation that belongs to the sentence rather than to the URL. A
  /// closing parenthesis stays with the URL when it has a matching opening one, as in
  /// Wikipedia addresses.
  private static func splitPunctuation(_ characters: [Character]) -> (
    [Character], [Character], [Character]
  ) {
    let leading: Set<Character> = ["(", "[", "<", "\"", "'", "«", "“", "‘"]
    let trailing: Set<Character> = [
      ".", ",", ";", ":", "!", "?", ")", "]", ">", "\"", "'", "»", "”", "’",
    ]
    var start = 0
    while start < characters.count, leading.contains(characters[start]) { start += 1 }
    var end = characters.count
    while end > start, trailing.contains(characters[end - 1]) {
      if characters[end - 1] == ")" {
        let inside = characters[start..<end]
        let opening = inside.filter { $0 == "(" }.count
        let closing = inside.filter { $0 == ")" }.count
        if closing <= opening { break }
      }
      end -= 1
    }
    return (Array(characters[..<start]), Array(characters[start..<end]), Array(characters[end...]))
  }
}
