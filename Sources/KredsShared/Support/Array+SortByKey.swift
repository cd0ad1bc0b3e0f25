/// Sorting items of the site, which are large structs: comparing or moving whole items would
/// copy them (and retain every string in them) at every step.
extension Array {
  /// Sorts by a key computed once per element, keeping the order of equal keys (like `sort`,
  /// which is stable in Swift 5 and later). Returns the order it sorted by: element `i` is the
  /// one that was at `order[i]`, for ``permute(by:)`` of arrays that go along.
  @discardableResult
  package mutating func sort<Key>(
    byKey key: (Element) -> Key, _ areInIncreasingOrder: (Key, Key) -> Bool
  ) -> [Int] {
    // Keys read through the buffer, which lends each element: `map` would copy it.
    let keys = withUnsafeBufferPointer { buffer in buffer.indices.map { key(buffer[$0]) } }
    let order = indices.sorted { areInIncreasingOrder(keys[$0], keys[$1]) }
    permute(by: order)
    return order
  }

  /// Puts the element at `order[i]` at `i`.
  package mutating func permute(by order: [Int]) {
    precondition(order.count == count, "an order of \(order.count) for \(count) elements")
    // Elements are swapped along the cycles of the permutation: a swap moves an element, where
    // building a new array would copy it (and retain every string in it).
    var placed = [Bool](repeating: false, count: count)
    withUnsafeMutableBufferPointer { buffer in
      for start in buffer.indices where !placed[start] {
        var current = start
        placed[current] = true
        while order[current] != start {
          buffer.swapAt(current, order[current])
          current = order[current]
          placed[current] = true
        }
      }
    }
  }
}

/// The order that sorts `count` items by `key`, and by `tieBreak` among equal keys, both read by
/// position (`key(i)` is item `i`'s), ascending or descending in both. Element `i` of the result
/// is the position of the `i`th item. Keys are made once; a tie-break is read only for equal
/// keys, so that a key of dates and numbers is compared without strings.
package func sortingOrder<Key: Comparable, TieBreak: Comparable>(
  count: Int, key: (Int) -> Key, tieBreak: (Int) -> TieBreak, descending: Bool = false
) -> [Int] {
  let keys = (0..<count).map(key)
  return (0..<count).sorted { first, second in
    let (a, b) = descending ? (second, first) : (first, second)
    if keys[a] != keys[b] { return keys[a] < keys[b] }
    return tieBreak(a) < tieBreak(b)
  }
}
