import Foundation
import KredsCalendar

/// Networks: their folders, and the networks items name.
extension Resolver {
  /// A network folder needs its index.md.
  mutating func checkNetworkFolders() {
    // The folder of a path below networks/ with three or four parts, and the number of parts,
    // found in one pass over the bytes: most paths have other lengths, and splitting every
    // path would cost more than all the rest of the check.
    func folder(_ path: String) -> (name: Substring, parts: Int, file: Substring)? {
      let prefix = "networks/".utf8
      guard path.utf8.starts(with: prefix) else { return nil }
      var slashes = 0
      var first = path.utf8.endIndex
      var last = path.utf8.endIndex
      var index = path.utf8.index(path.utf8.startIndex, offsetBy: prefix.count)
      while index < path.utf8.endIndex {
        if path.utf8[index] == UInt8(ascii: "/") {
          slashes += 1
          if slashes > 2 { return nil }
          if slashes == 1 { first = index }
          last = index
        }
        index = path.utf8.index(after: index)
      }
      guard slashes > 0 else { return nil }
      let name = path[path.utf8.index(path.utf8.startIndex, offsetBy: prefix.count)..<first]
      let file = path[path.utf8.index(after: last)...]
      return (name, slashes + 2, file)
    }
    var declared: Set<Substring> = []
    var inFolders: [(folder: Substring, path: String)] = []
    for path in paths {
      guard let found = folder(path) else { continue }
      if found.parts == 3, found.file == "index.md" { declared.insert(found.name) }
      // The first file of each folder is enough: a folder's files are listed one after another.
      if found.parts == 4, inFolders.last?.folder != found.name {
        inFolders.append((found.name, path))
      }
    }
    var reported: Set<Substring> = []
    for (folder, path) in inFolders
    where !declared.contains(folder) && reported.insert(folder).inserted {
      error(
        path, .fileStart,
        "the network folder '\(folder)' has no index.md; add networks/\(folder)/index.md with the network's 'title' and 'summary'"
      )
    }
  }

  mutating func checkNetworks(_ listed: [Located<String>], file: String, known: Set<Slug>) {
    for reference in listed {
      if let slug = Slug(reference.value), known.contains(slug) { continue }
      if let slug = Slug(reference.value), let publish = pendingNetworks[slug] {
        warning(
          file, reference.location,
          "network '\(reference.value)' is published from \(publish.written.value); until then this is not shown under it"
        )
        continue
      }
      error(
        file, reference.location,
        "network '\(reference.value)' does not exist"
          + Suggestion.didYouMean(reference.value, among: known.map(\.rawValue).sorted()))
    }
  }
}
