/// Snowball's English stemmer ("Porter2", snowballstem.org, `english.sbl`), on folded words,
/// as `assets/search.js` has it too. `Tests/Fixtures/search/english-stems.tsv` holds
/// libstemmer's stems (PyStemmer) of the words of Kreds' own English guides, and the tests
/// check both implementations against it.
enum EnglishStemmer {
  private static let exceptions: [String: String] = [
    "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "idly": "idl",
    "gently": "gentl", "ugly": "ugli",
    "early": "earli", "only": "onli", "singly": "singl", "sky": "sky", "news": "news",
    "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
  ]
  private static let afterStep1a: Set<String> = [
    "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
  ]
  private static let regionPrefixes = [
    "gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter",
  ]
  private static let step2: [(String, String)] = [
    ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"),
    ("iveness", "ive"), ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"),
    ("entli", "ent"), ("ation", "ate"), ("alism", "al"), ("aliti", "al"), ("ousli", "ous"),
    ("iviti", "ive"), ("fulli", "ful"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"),
    ("izer", "ize"), ("ator", "ate"), ("alli", "al"), ("bli", "ble"), ("ogi", "og"), ("li", ""),
  ]
  private static let step3: [(String, String)] = [
    ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
    ("ative", ""), ("ical", "ic"), ("ness", ""), ("ful", ""),
  ]
  private static let step4 = [
    "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous",
    "ive", "ize", "ion", "al", "er", "ic",
  ]

  static func stem(_ input: String) -> String {
    guard input.unicodeScalars.allSatisfy(\.isASCII) else { return input }
    var word = Array(input.utf8).map { Character(Unicode.Scalar($0)) }
    if word.first == "'" { word.removeFirst() }
    guard word.count > 2 else { return String(word) }
    if let exception = exceptions[String(word)] { return exception }
    func isVowel(_ c: Character) -> Bool { "aeiouy".contains(c) }
    // y at the start or after a vowel is a consonant: written Y until the end.
    for index in word.indices where word[index] == "y" && (index == 0 || isVowel(word[index - 1])) {
      word[index] = "Y"
    }
    func region(after start: Int) -> Int {
      var index = start
      while index < word.count, !isVowel(word[index]) { index += 1 }
      while index < word.count, isVowel(word[index]) { index += 1 }
      return min(index + 1, word.count)
    }
    let text = String(word)
    var r1 = region(after: 0)
    if let prefix = regionPrefixes.first(where: { text.hasPrefix($0) }) { r1 = prefix.count }
    let r2 = region(after: r1)
    func ends(_ suffix: String) -> Bool { String(word).hasSuffix(suffix) }
    func replace(_ suffix: String, _ with: String) {
      word.removeLast(suffix.count)
      word += Array(with)
    }
    func inR1(_ suffix: String) -> Bool { word.count - suffix.count >= r1 }
    func inR2(_ suffix: String) -> Bool { word.count - suffix.count >= r2 }
    func shortSyllableAtEnd() -> Bool {
      let n = word.count
      if n == 2 { return isVowel(word[0]) && !isVowel(word[1]) }
      guard n >= 3 else { return false }
      return !isVowel(word[n - 3]) && isVowel(word[n - 2]) && !isVowel(word[n - 1])
        && !"wxY".contains(word[n - 1])
    }
    func hasVowel(before count: Int) -> Bool { word.prefix(count).contains(where: isVowel) }

    // Step 0: apostrophes.
    for suffix in ["'s'", "'s", "'"] where ends(suffix) {
      word.removeLast(suffix.count)
      break
    }
    // Step 1a.
    if ends("sses") {
      replace("sses", "ss")
    } else if ends("ied") || ends("ies") {
      replace("ies", word.count > 4 ? "i" : "ie")
    } else if ends("us") || ends("ss") {
    } else if ends("s"), hasVowel(before: word.count - 2) {
      word.removeLast()
    }
    if afterStep1a.contains(String(word)) { return String(word) }
    // Step 1b.
    if let suffix = ["eedly", "eed"].first(where: ends) {
      if inR1(suffix) { replace(suffix, "ee") }
    } else if let suffix = ["ingly", "edly", "ing", "ed"].first(where: ends),
      hasVowel(before: word.count - suffix.count)
    {
      word.removeLast(suffix.count)
      if ends("at") || ends("bl") || ends("iz") {
        word.append("e")
      } else if let last = word.last, word.count >= 2, last == word[word.count - 2],
        "bdfgmnprt".contains(last), !(word.count == 3 && isVowel(word[0]))
      {
        // "hopped" → "hop", but "added" → "add", "ebbed" → "ebb".
        word.removeLast()
      } else if r1 >= word.count, shortSyllableAtEnd() || String(word) == "past" {
        word.append("e")
      }
    }
    // Step 1c: y after a consonant that is not the first letter becomes i.
    if let last = word.last, last == "y" || last == "Y", word.count > 2,
      !isVowel(word[word.count - 2])
    {
      word[word.count - 1] = "i"
    }
    // Step 2.
    if let (suffix, with) = step2.first(where: { ends($0.0) }), inR1(suffix) {
      if suffix == "ogi" {
        if word.count >= 4, word[word.count - 4] == "l" { replace(suffix, with) }
      } else if suffix == "li" {
        if word.count >= 3, "cdeghkmnrt".contains(word[word.count - 3]) { replace(suffix, with) }
      } else {
        replace(suffix, with)
      }
    }
    // Step 3.
    if let (suffix, with) = step3.first(where: { ends($0.0) }), inR1(suffix) {
      if suffix != "ative" || inR2(suffix) { replace(suffix, with) }
    }
    // Step 4.
    if let suffix = step4.first(where: ends), inR2(suffix) {
      if suffix != "ion" || (word.count >= 4 && "st".contains(word[word.count - 4])) {
        word.removeLast(suffix.count)
      }
    }
    // Step 5.
    if ends("e") {
      // libstemmer keeps "paste" apart from "past".
      if String(word) == "paste" { return "paste" }
      if inR2("e")
        || (inR1("e")
          && !{
            word.removeLast()
            defer { word.append("e") }
            return shortSyllableAtEnd()
          }())
      {
        word.removeLast()
      }
    } else if ends("l"), inR2("l"), word.count >= 2, word[word.count - 2] == "l" {
      word.removeLast()
    }
    return String(word).lowercased()
  }
}
