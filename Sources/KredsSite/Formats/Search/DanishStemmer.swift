/// Snowball's Danish stemmer (snowballstem.org, `danish.sbl`), applied to folded words
/// (``SearchText/fold(_:)``): the index and `assets/search.js` stem the same way, so a word's
/// key is the same whether it was written "møderne" or "moederne". On folded input its
/// output equals libstemmer's; `Tests/Fixtures/search/danish-stems.tsv` holds libstemmer's
/// stems (PyStemmer) of every word of the example site and the bench corpus, and the tests
/// check both implementations against it.
enum DanishStemmer {
  private static let vowels = Set("aeiouy".utf8)
  private static let sEndings = Set("abcdfghjklmnoprtvyz".utf8)
  /// The consonants whose doubling undouble takes away (not c, q, w, x or a digit: codes
  /// such as "acc" or "bu00" stay as they are).
  private static let doubled = Set("bdfgklmnprst".utf8)
  private static let mainSuffixes: [[UInt8]] = [
    "erendes", "erende", "hedens", "ethed", "erede", "heden", "heder", "endes", "ernes",
    "erens", "erets", "ered", "ende", "erne", "eren", "erer", "heds", "enes", "eres", "eret",
    "hed", "ene", "ere", "ens", "ers", "ets", "en", "er", "es", "et", "e",
  ].map { Array($0.utf8) }
  private static let consonantPairs: [[UInt8]] = ["gd", "dt", "gt", "kt"].map { Array($0.utf8) }
  private static let otherSuffixes: [[UInt8]] = ["elig", "lig", "els", "ig"].map {
    Array($0.utf8)
  }

  static func stem(_ word: String) -> String {
    var w = Array(word.utf8)
    guard w.count >= 3, w.allSatisfy({ $0 < 0x80 }) else { return word }
    // R1: after the first non-vowel that follows a vowel, and at least 3 letters in.
    var p1 = w.count
    if let vowel = w.firstIndex(where: vowels.contains),
      let consonant = w[(vowel + 1)...].firstIndex(where: { !vowels.contains($0) })
    {
      p1 = max(consonant + 1, 3)
    }
    func endsInR1(_ suffix: [UInt8]) -> Bool {
      w.count - suffix.count >= p1 && w.count >= suffix.count
        && w.suffix(suffix.count).elementsEqual(suffix)
    }
    // Main suffix: the longest in R1; "s" only after a valid s-ending.
    if let suffix = mainSuffixes.first(where: endsInR1) {
      w.removeLast(suffix.count)
    } else if endsInR1([UInt8(ascii: "s")]), w.count >= 2, sEndings.contains(w[w.count - 2]) {
      w.removeLast()
    }
    func consonantPair() {
      if consonantPairs.contains(where: endsInR1) { w.removeLast() }
    }
    consonantPair()
    // Other suffixes: "igst" → "ig", then "ig", "lig", "elig", "els" in R1.
    if w.count >= 4, w.suffix(4).elementsEqual("igst".utf8) { w.removeLast(2) }
    if let suffix = otherSuffixes.first(where: endsInR1) {
      w.removeLast(suffix.count)
      consonantPair()
    }
    // Undouble: a double consonant ending R1's part loses one.
    if w.count >= 2, w.count - 1 >= p1, doubled.contains(w[w.count - 1]),
      w[w.count - 1] == w[w.count - 2]
    {
      w.removeLast()
    }
    return String(decoding: w, as: UTF8.self)
  }
}
