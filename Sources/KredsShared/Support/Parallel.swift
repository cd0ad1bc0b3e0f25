import Foundation

/// Work spread over all cores.
public enum Parallel {
  /// `transform` applied to every element, results in order, on all cores. Each worker thread
  /// gets its own value from `makeWorker` (for state that must not be shared, such as
  /// formatters). Threads take the next element as they finish one, so elements of very
  /// different cost keep every core busy to the end; put the costliest first.
  public static func map<Element: Sendable, Worker, Result: Sendable>(
    _ elements: [Element], makeWorker: @Sendable () -> Worker,
    _ transform: @Sendable (Worker, Element) -> Result
  ) -> [Result] {
    guard !elements.isEmpty else { return [] }
    let threads = min(elements.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
    let queue = IndexQueue(count: elements.count)
    let slots = Slots<Result>(count: elements.count)
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      // An iteration that starts late, when another thread has taken everything, finds no
      // element left and makes no worker.
      guard var index = queue.claim() else { return }
      let state = makeWorker()
      while true {
        slots.store(transform(state, elements[index]), at: index)
        guard let next = queue.claim() else { return }
        index = next
      }
    }
    return slots.values()
  }

  /// `body` for every index below `count`, on `threads` threads that each take the next index
  /// as they finish one. After a failure no new index is started, and the failure of the lowest
  /// index is thrown, as doing them one after another would.
  public static func forEach(
    _ count: Int, threads: Int, _ body: @Sendable (Int) throws -> Void
  ) throws {
    let queue = IndexQueue(count: count)
    DispatchQueue.concurrentPerform(iterations: max(1, min(count, threads))) { _ in
      while let index = queue.claim() {
        do {
          try body(index)
        } catch {
          queue.fail(error, at: index)
          return
        }
      }
    }
    if let error = queue.failure { throw error }
  }

  /// `first` on another thread while `second` runs on this one; both results once both are
  /// done. For two independent steps whose inputs are ready at the same time. `first` gets a
  /// thread of its own, so that it never waits for a pool whose threads are busy.
  public static func both<First: Sendable, Second>(
    _ first: @escaping @Sendable () -> First, _ second: () throws -> Second
  ) rethrows -> (First, Second) {
    let slot = Slots<First>(count: 1)
    let done = DispatchSemaphore(value: 0)
    Thread {
      slot.store(first(), at: 0)
      done.signal()
    }.start()
    let secondResult: Second
    do {
      secondResult = try second()
    } catch {
      done.wait()  // `first` must not outlive the call
      throw error
    }
    done.wait()
    return (slot.values()[0], secondResult)
  }

  /// `transform` applied to every element, in order, on all cores.
  public static func map<Element: Sendable, Result: Sendable>(
    _ elements: [Element], _ transform: @Sendable (Element) -> Result
  ) -> [Result] {
    map(elements, makeWorker: { () }) { _, element in transform(element) }
  }

  /// The indexes threads have taken, and the first failure: once one fails, no index is handed
  /// out any more. Of failures on several threads at once, the one of the lowest index is kept.
  private final class IndexQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var next = 0
    private var firstFailure: (index: Int, error: any Error)?

    init(count: Int) { self.count = count }

    /// The next index no thread has taken yet, or nil when all are taken or one failed.
    func claim() -> Int? {
      lock.lock()
      defer { lock.unlock() }
      guard next < count, firstFailure == nil else { return nil }
      next += 1
      return next - 1
    }

    func fail(_ error: any Error, at index: Int) {
      lock.lock()
      defer { lock.unlock() }
      if firstFailure.map({ index < $0.index }) ?? true { firstFailure = (index, error) }
    }

    var failure: (any Error)? {
      lock.lock()
      defer { lock.unlock() }
      return firstFailure?.error
    }
  }

  /// Results written by several threads, each to its own index, read once all are done.
  private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func store(_ value: Value, at index: Int) {
      lock.lock()
      storage[index] = value
      lock.unlock()
    }

    func values() -> [Value] {
      lock.lock()
      defer { lock.unlock() }
      return storage.compactMap { $0 }
    }
  }
}
