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
    let slots = Slots<Result>(count: elements.count)
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      // An iteration that starts late, when another thread has taken everything, finds no
      // element left and makes no worker.
      guard var index = slots.claim() else { return }
      let state = makeWorker()
      while true {
        slots.store(transform(state, elements[index]), at: index)
        guard let next = slots.claim() else { return }
        index = next
      }
    }
    return slots.values()
  }

  /// `transform` applied to every element, in order, on all cores.
  public static func map<Element: Sendable, Result: Sendable>(
    _ elements: [Element], _ transform: @Sendable (Element) -> Result
  ) -> [Result] {
    map(elements, makeWorker: { () }) { _, element in transform(element) }
  }

  /// Results written by several threads, each to its own index, read once all are done; and the
  /// next index to work on.
  private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value?]
    private var claimed = 0

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    /// The next index no thread has taken yet, or nil when all are taken.
    func claim() -> Int? {
      lock.lock()
      defer { lock.unlock() }
      guard claimed < storage.count else { return nil }
      claimed += 1
      return claimed - 1
    }

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
