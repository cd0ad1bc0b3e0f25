/// Danish compounds split into words the site itself uses, so that "tilskud" finds
/// "energitilskud" and "netværk" finds "erhvervsnetværket": a folded word of 8 letters or more
/// is split where its head (at least 4 letters) is a word or a word's key of the site, and its
/// first part (at least 3 letters, after taking off a linking "s" or "e") is one too or splits
/// again. The split with the longest head wins, as the head carries a Danish compound's
/// meaning. English writes compounds apart: the index splits only Danish words.
struct CompoundWords: Sendable {
  let known: Set<String>

  /// `vocabulary`: the site's folded words; `keys`: their stems.
  init(vocabulary: Set<String>, keys: Set<String>) {
    known = vocabulary.union(keys)
  }

  /// The parts of `word`, first to last, or none when it does not split.
  func parts(of word: String) -> [String] {
    let letters = Array(word.unicodeScalars)
    guard letters.count >= 8, letters.allSatisfy(\.isASCII) else { return [] }
    return split(letters, depth: 0) ?? splitAfterKnownStart(letters) ?? []
  }

  /// A head the site never writes alone ("genvinding" in "plastgenvinding") still splits off
  /// when the first part is a word of the site of at least 4 letters and the head has 5; the
  /// longest such first part wins.
  private func splitAfterKnownStart(_ letters: [Unicode.Scalar]) -> [String]? {
    for cut in stride(from: letters.count - 5, through: 4, by: -1) {
      let first = String(String.UnicodeScalarView(letters[..<cut]))
      if known.contains(first) {
        return [first, String(String.UnicodeScalarView(letters[cut...]))]
      }
    }
    return nil
  }

  private func split(_ letters: [Unicode.Scalar], depth: Int) -> [String]? {
    guard depth < 3, letters.count >= 7 else { return nil }
    for cut in 3...(letters.count - 4) {
      let head = String(String.UnicodeScalarView(letters[cut...]))
      guard known.contains(head) else { continue }
      var first = String(String.UnicodeScalarView(letters[..<cut]))
      if !known.contains(first), let last = first.last, last == "s" || last == "e",
        first.count > 3
      {
        first.removeLast()
      }
      if known.contains(first) { return [first, head] }
      if let parts = split(Array(first.unicodeScalars), depth: depth + 1) { return parts + [head] }
    }
    return nil
  }
}
