import Testing

@testable import KredsModel

@Suite struct SlugTests {
  @Test func acceptsLowerCaseWordsWithHyphens() {
    #expect(Slug("groent-netvaerk") != nil)
    #expect(Slug("2027-01-20-moede") != nil)
  }

  @Test(arguments: ["", "-a", "a-", "a--b", "Groent", "grønt", "a b", "a_b", "a.md"])
  func rejectsInvalid(_ text: String) {
    #expect(Slug(text) == nil)
  }

  @Test func transliteratesDanishLetters() {
    #expect(Slug.make(from: "Grønt Netværk på Ærø")?.rawValue == "groent-netvaerk-paa-aeroe")
    #expect(Slug.make(from: "  Møde: energi & klima!  ")?.rawValue == "moede-energi-klima")
    #expect(Slug.make(from: "???") == nil)
  }
}

@Suite struct SuggestionTests {
  @Test func findsTransposition() {
    #expect(Suggestion.closest(to: "strat", among: ["start", "end", "title"]) == "start")
    #expect(Suggestion.editDistance("strat", "start") == 1)
  }

  @Test func ignoresDistantWords() {
    #expect(Suggestion.closest(to: "xyz", among: ["start", "title"]) == nil)
    #expect(
      Suggestion.didYouMean("gront-netvaerk", among: ["groent-netvaerk"])
        == "; did you mean 'groent-netvaerk'?")
  }
}
