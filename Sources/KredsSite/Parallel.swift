import Foundation

/// Work spread over all cores.
public enum Parallel {
  /// `transform` applied to every element, in order, on all cores. Each worker thread gets its
  /// own value from `makeWorker` (for state that must not be shared, such as formatters).
  public static func map<Element: Sendable, Worker, Result: Sendable>(
    _ elements: [Element], makeWorker: @Sendable () -> Worker,
    _ transform: @Sendable (Worker, Element) -> Result
  ) -> [Result] {
    guard !elements.isEmpty else { return [] }
    let workers = min(elements.count, max(1, ProcessInfo.processInfo.activeProcessorCount * 4))
    let slots = Slots<Result>(count: elements.count)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let state = makeWorker()
      var index = worker
      while index < elements.count {
        slots.store(transform(state, elements[index]), at: index)
        index += workers
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
