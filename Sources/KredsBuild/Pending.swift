import Foundation

/// A value computed on a thread of its own, started at once and waited for where it is needed:
/// for work that overlaps others, such as reading the git history while the content is parsed.
final class Pending<Value: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var result: Value?

  init(_ work: @escaping @Sendable () -> Value) {
    Thread { [self] in
      let value = work()
      condition.lock()
      result = value
      condition.broadcast()
      condition.unlock()
    }.start()
  }

  /// The value, once the work is done.
  var value: Value {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let result { return result }
      condition.wait()
    }
  }
}
