import Testing

@testable import KredsSite

/// Which page numbers a paged list links to.
@Suite struct PageNumbersTests {
  @Test func fewPagesAreAllShown() {
    #expect(PageNumbers.shown(current: 1, total: 1) == [1])
    #expect(PageNumbers.shown(current: 2, total: 3) == [1, 2, 3])
    #expect(PageNumbers.shown(current: 3, total: 5) == [1, 2, 3, 4, 5])
  }

  @Test func aGapOfOnePageShowsThePage() {
    #expect(PageNumbers.shown(current: 4, total: 7) == [1, 2, 3, 4, 5, 6, 7])
  }

  @Test func longGapsAreLeftOut() {
    #expect(PageNumbers.shown(current: 1, total: 700) == [1, 2, 3, nil, 700])
    #expect(
      PageNumbers.shown(current: 350, total: 700) == [1, nil, 348, 349, 350, 351, 352, nil, 700])
    #expect(PageNumbers.shown(current: 700, total: 700) == [1, nil, 698, 699, 700])
    #expect(PageNumbers.shown(current: 5, total: 9) == [1, 2, 3, 4, 5, 6, 7, 8, 9])
    #expect(PageNumbers.shown(current: 6, total: 12) == [1, nil, 4, 5, 6, 7, 8, nil, 12])
  }
}
