/// "Did you mean" suggestions for misspelt keys and slugs.
public enum Suggestion {
  /// The candidate closest to `word` by edit distance, when it is close enough to be a likely
  /// typo (at most a third of the word's length, and at least one edit allowed).
  public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
    let limit = max(1, word.count / 3)
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(word, candidate)
      if distance <= limit, best.map({ distance < $0.1 }) ?? true {
        best = (candidate, distance)
      }
    }
    return best?.0
  }

  /// Damerau–Levenshtein distance (optimal string alignment), so `strat` → `start` is one edit.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = Swift.min(current[j], previousPrevious[j - 2] + 1)
        }
      }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
  }

  /// The usual ending of a message: `; did you mean 'x'?` or nothing.
  public static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
    closest(to: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
  }

  /// For a file path: the closest path in the same folder, judged by file name only, so a shared
  /// folder does not make unrelated names look alike.
  public static func didYouMean(path: String, among paths: Set<String>) -> String {
    let folder = path.split(separator: "/").dropLast().joined(separator: "/")
    let name = String(path.split(separator: "/").last ?? "")
    let siblings = paths.filter {
      $0.split(separator: "/").dropLast().joined(separator: "/") == folder
    }
    let names = siblings.map { String($0.split(separator: "/").last ?? "") }.sorted()
    guard let match = closest(to: name, among: names) else { return "" }
    return "; did you mean '\(folder.isEmpty ? match : folder + "/" + match)'?"
  }
}
