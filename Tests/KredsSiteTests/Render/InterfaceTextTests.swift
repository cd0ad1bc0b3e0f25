import Testing

@testable import KredsSite

/// Templates look the interface's words up as `t.*`: a key only one language has would render as
/// nothing in the other.
@Suite struct InterfaceTextTests {
  @Test func danishAndEnglishHaveTheSameKeys() {
    let danish = Set(InterfaceText.table(for: .da).keys)
    let english = Set(InterfaceText.table(for: .en).keys)
    #expect(danish.subtracting(english).sorted() == [], "keys only Danish has")
    #expect(english.subtracting(danish).sorted() == [], "keys only English has")
  }

  @Test func noTextIsEmpty() {
    for language in Language.allCases {
      for (key, text) in InterfaceText.table(for: language) {
        #expect(!text.isEmpty, "\(language): '\(key)' is empty")
      }
    }
  }
}
