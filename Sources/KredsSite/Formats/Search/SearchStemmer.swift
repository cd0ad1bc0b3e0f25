/// The stemmer of the site's language, over folded words (``SearchText``).
struct SearchStemmer: Sendable {
  let language: Language

  func stem(_ word: String) -> String {
    switch language {
    case .da: return DanishStemmer.stem(word)
    case .en: return EnglishStemmer.stem(word)
    }
  }
}
