import KredsSite

extension Dictionary where Key == String {
  /// Drops the entries of paths that are not among `files`: the caches `serve` keeps between
  /// rebuilds forget deleted files. It looks only when there are more entries than files, so a
  /// rebuild with none gone costs nothing; one left behind while a new file has no entry yet is
  /// dropped at a later rebuild.
  mutating func keepOnly(pathsOf files: [SourceFile]) {
    guard count > files.count else { return }
    let present = Set(files.map(\.path))
    self = filter { present.contains($0.key) }
  }
}
