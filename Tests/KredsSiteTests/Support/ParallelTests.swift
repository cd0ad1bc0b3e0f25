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

  @Test func mapKeepsTheOrderOfTheElementsWhateverTheirCost() {
    // Early elements take longest, so later ones finish first on the other threads.
    let elements = Array(0..<200)
    let results = Parallel.map(elements) { element -> Int in
      if element < 4 { Thread.sleep(forTimeInterval: 0.01) }
      return element * 2
    }
    #expect(results == elements.map { $0 * 2 })
  }

  @Test func mapMakesAtMostOneWorkerPerThread() {
    let made = Counter()
    let results = Parallel.map(Array(0..<500), makeWorker: { made.increment() }) { _, element in
      element
    }
    #expect(results == Array(0..<500))
    #expect(made.value >= 1)
    #expect(made.value <= ProcessInfo.processInfo.activeProcessorCount)
  }

  @Test func mapOfNothingMakesNoWorker() {
    let made = Counter()
    let results = Parallel.map([Int](), makeWorker: { made.increment() }) { _, element in element }
    #expect(results.isEmpty)
    #expect(made.value == 0)
  }

  @Test func forEachVisitsEveryIndexOnce() throws {
    let visits = Counter(slots: 1000)
    try Parallel.forEach(1000, threads: 4) { index in visits.increment(slot: index) }
    #expect(visits.slots == Array(repeating: 1, count: 1000))
  }

  struct IndexedFailure: Error { var index: Int }

  /// Indexes are handed out in order and a claimed index always runs, so the lowest failing index
  /// (10) has always run and its failure is the one thrown, as in a loop one after another.
  @Test(arguments: [1, 2, 4, 8])
  func forEachThrowsTheFailureOfTheLowestIndexAndStartsNoMore(threads: Int) {
    let started = Counter()
    do {
      try Parallel.forEach(1000, threads: threads) { index in
        started.increment()
        if index >= 10 { throw IndexedFailure(index: index) }
      }
      Issue.record("no failure was thrown")
    } catch let failure as IndexedFailure {
      #expect(failure.index == 10)
    } catch {
      Issue.record("unexpected \(error)")
    }
    // After the first failure each thread finishes the index it holds and takes no other.
    #expect(started.value <= 11 + threads)
  }

  /// A count shared by threads.
  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var counts: [Int]

    init(slots: Int = 0) { counts = Array(repeating: 0, count: slots) }

    func increment() {
      lock.lock()
      count += 1
      lock.unlock()
    }

    func increment(slot: Int) {
      lock.lock()
      counts[slot] += 1
      lock.unlock()
    }

    var value: Int {
      lock.lock()
      defer { lock.unlock() }
      return count
    }

    var slots: [Int] {
      lock.lock()
      defer { lock.unlock() }
      return counts
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
