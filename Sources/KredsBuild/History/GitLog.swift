import Foundation

/// `git log --raw` output, and how it adds up to each file's history.
enum GitLog {
  struct Change {
    /// `A`, `C`, `D`, `M`, `R` or `T` (the score of a rename or copy is dropped).
    var kind: Character
    var oldBlob: String
    var newBlob: String
    /// The path after the commit; for a rename or copy, `source` holds the path before.
    var path: String
    var source: String?
  }

  struct Commit {
    var time: Date
    var changes: [Change] = []
  }

  /// Each file's history up to the last commit.
  struct Replay {
    var lastCommitted: [String: Date] = [:]
    /// Event files only: commits that changed time, place, online address or status.
    var changes: [String: Int] = [:]
    /// The blob of each file at the last commit.
    var currentBlob: [String: String] = [:]
  }

  /// Parses `git log --format=%x01%ct --raw --no-abbrev`, on bytes: a long history has tens
  /// of thousands of lines.
  static func parse(_ data: Data) -> [Commit] {
    let bytes = [UInt8](data)
    var commits: [Commit] = []
    var lineStart = 0
    while lineStart < bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
      defer { lineStart = lineEnd + 1 }
      guard lineEnd > lineStart else { continue }
      if bytes[lineStart] == 0x01 {
        var seconds = 0
        for byte in bytes[(lineStart + 1)..<lineEnd] where byte >= 0x30 && byte <= 0x39 {
          seconds = seconds * 10 + Int(byte - 0x30)
        }
        commits.append(Commit(time: Date(timeIntervalSince1970: TimeInterval(seconds))))
      } else if bytes[lineStart] == UInt8(ascii: ":"), !commits.isEmpty,
        let change = change(bytes[lineStart..<lineEnd])
      {
        commits[commits.count - 1].changes.append(change)
      }
    }
    return commits
  }

  /// `:100644 100644 <old> <new> M<TAB>path` or `… R087<TAB>old<TAB>new`.
  private static func change(_ line: ArraySlice<UInt8>) -> Change? {
    let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
    let head = fields[0].split(separator: 0x20)
    guard head.count >= 5, fields.count >= 2, let letter = head[4].first else { return nil }
    let kind = Character(Unicode.Scalar(letter))
    let old = String(decoding: head[2], as: UTF8.self)
    let new = String(decoding: head[3], as: UTF8.self)
    if fields.count >= 3 {
      return Change(
        kind: kind, oldBlob: old, newBlob: new, path: String(decoding: fields[2], as: UTF8.self),
        source: String(decoding: fields[1], as: UTF8.self))
    }
    return Change(
      kind: kind, oldBlob: old, newBlob: new, path: String(decoding: fields[1], as: UTF8.self))
  }

  static func isMissing(_ blob: String) -> Bool { blob.allSatisfy { $0 == "0" } }

  /// `events/<slug>.md` or `networks/<n>/events/<slug>.md`.
  static func isEventFile(_ path: String) -> Bool {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard path.hasSuffix(".md") else { return false }
    return parts.count == 2 && parts[0] == "events"
      || parts.count == 4 && parts[0] == "networks" && parts[2] == "events"
  }

  /// Plays the commits in order. A version that cannot be read counts as a change: a
  /// `SEQUENCE` too high only makes calendar apps look again, one too low hides a change.
  static func replay(_ commits: [Commit], fingerprints: [String: [UInt8]]) -> Replay {
    var replay = Replay()
    func changedTimeOrPlace(_ change: Change) -> Bool {
      guard change.oldBlob != change.newBlob else { return false }
      guard let old = fingerprints[change.oldBlob], let new = fingerprints[change.newBlob] else {
        return true
      }
      return old != new
    }
    for commit in commits {
      for change in commit.changes {
        let path = change.path
        switch change.kind {
        case "D":
          replay.lastCommitted[path] = nil
          replay.changes[path] = nil
          replay.currentBlob[path] = nil
          continue
        case "R":
          if let source = change.source {
            replay.changes[path] = replay.changes.removeValue(forKey: source)
            replay.lastCommitted[source] = nil
            replay.currentBlob[source] = nil
          }
          if isEventFile(path) {
            replay.changes[path, default: 0] += changedTimeOrPlace(change) ? 1 : 0
          }
        case "A", "C":
          if isEventFile(path) { replay.changes[path] = 0 }
        default:
          if isEventFile(path) {
            replay.changes[path, default: 0] += changedTimeOrPlace(change) ? 1 : 0
          }
        }
        replay.lastCommitted[path] = max(replay.lastCommitted[path] ?? commit.time, commit.time)
        replay.currentBlob[path] = change.newBlob
      }
    }
    return replay
  }

  /// `git cat-file --batch` output (`<id> blob <size>\n<bytes>\n` for each object): the
  /// ``EventTimeAndPlace`` fingerprint of each, by id. Only the fingerprints are kept.
  static func fingerprints(ofBatch data: Data) -> [String: [UInt8]] {
    var fingerprints: [String: [UInt8]] = [:]
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      var position = 0
      while position < bytes.count {
        var newline = position
        while newline < bytes.count, bytes[newline] != 0x0A { newline += 1 }
        guard newline < bytes.count else { break }
        let header = bytes[position..<newline].split(separator: 0x20)
        position = newline + 1
        guard header.count == 3 else { continue }
        var size = 0
        for byte in header[2] { size = size * 10 + Int(byte) - 0x30 }
        let end = min(bytes.count, position + size)
        fingerprints[String(decoding: header[0], as: UTF8.self)] =
          EventTimeAndPlace.fingerprint(of: UnsafeBufferPointer(rebasing: bytes[position..<end]))
        position = end + 1
      }
    }
    return fingerprints
  }

  /// Paths under the content folder with uncommitted changes (staged, unstaged or untracked),
  /// from `git status --porcelain=v1 -z`, whose paths start at the repository's root.
  static func uncommittedPaths(_ data: Data, prefix: String) -> Set<String> {
    var paths = Set<String>()
    for entry in data.split(separator: 0) where entry.count > 3 {
      let path = String(decoding: entry.dropFirst(3), as: UTF8.self)
      paths.insert(path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path)
    }
    return paths
  }
}
