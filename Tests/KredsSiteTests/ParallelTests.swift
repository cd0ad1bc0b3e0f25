import Foundation
import Testing

@testable import KredsSite

/// The building blocks the resolve and plan steps use to share work between cores and to sort
/// large items without copying them.
@Suite struct ParallelTests {
  struct Failure: Error {}

  @Test func bothGivesBothResults() {
    let (first, second) = Parallel.both({ (1...1000).reduce(0, +) }) { "second" }
    #expect(first == 500_500)
    #expect(second == "second")
  }

  @Test func bothThrowsWhatTheSecondThrows() {
    #expect(throws: Failure.self) {
      _ = try Parallel.both({ 1 }) { () throws -> Int in throw Failure() }
    }
  }

  /// Pseudo-random pairs with many equal keys, the same in every run.
  static func pairs(count: Int) -> [(key: Int, value: String)] {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    return (0..<count).map { position in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return (Int(state >> 59), "item \(position)")
    }
  }

  @Test(arguments: [0, 1, 2, 3, 17, 1000])
  func sortingByKeyKeepsTheOrderOfSortWithEqualKeys(count: Int) {
    let pairs = Self.pairs(count: count)
    var byKey = pairs
    byKey.sort(byKey: { $0.key }, <)
    let sorted = pairs.sorted { $0.key < $1.key }
    #expect(byKey.map(\.value) == sorted.map(\.value))

    var descending = pairs
    descending.sort(byKey: { ($0.key, $0.value) }, >)
    #expect(
      descending.map(\.value)
        == pairs.sorted { ($0.key, $0.value) > ($1.key, $1.value) }.map(\.value))
  }
}
