import Foundation
import KredsSite

/// Reads the content folder's git history (docs/ARCHITECTURE.md, "Change history") in four
/// `git` processes whatever the number of files: where the folder is, the whole log with the
/// blobs each commit changed, the event files' versions that a commit changed, and the
/// uncommitted changes.
///
/// Nothing here can fail a build: a missing `git`, a repository that cannot be read or a
/// shallow clone gives a note and the files' own values.
enum GitHistory {
  static func read(contentFolder: URL) -> ContentHistory {
    guard let executable = GitProcess.locate() else {
      return isInsideRepository(contentFolder)
        ? ContentHistory(
          notes: [
            "the content is in a git repository but git is not installed: 'updated' and 'sequence' come from the files (install git for times and sequences from history)"
          ], isIncomplete: true) : .none
    }
    let git = GitProcess(executable: executable, folder: contentFolder)
    guard
      let repository = git.run([
        "rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-prefix",
      ])
    else { return unreadable("git could not be started") }
    if repository.status != 0 {
      // Not a repository at all is the plain case of a site without git.
      return isInsideRepository(contentFolder)
        ? unreadable(firstLine(repository.standardError)) : .none
    }
    let answers = String(decoding: repository.standardOutput, as: UTF8.self)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard answers.count >= 2, answers[0] == "true" else { return .none }
    if answers[1] == "true" {
      return ContentHistory(
        notes: [
          "the content's git history is shallow (a shallow clone): 'updated' and 'sequence' come from the files; fetch the whole history (git fetch --unshallow) so that calendar apps see every change"
        ], isIncomplete: true)
    }
    let prefix = answers.count > 2 ? answers[2] : ""

    guard
      let log = git.run([
        "log", "--reverse", "--format=%x01%ct", "--raw", "--no-abbrev", "-M", "--relative",
        "--", ".",
      ])
    else { return unreadable("git could not be started") }
    if log.status != 0 {
      // A repository without commits yet: everything is uncommitted.
      if log.standardError.contains("does not have any commits") { return .none }
      return unreadable(firstLine(log.standardError))
    }
    let commits = GitLog.parse(log.standardOutput)
    guard
      let status = git.run([
        "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", ".",
      ]), status.status == 0
    else { return unreadable("git status failed") }
    let dirty = GitLog.uncommittedPaths(status.standardOutput, prefix: prefix)
    let dirtyEvents = dirty.filter(GitLog.isEventFile)
    // The last commit's version of each event with uncommitted changes, to compare with.
    let committedBlob =
      dirtyEvents.isEmpty ? [:] : GitLog.replay(commits, fingerprints: [:]).currentBlob
    let fingerprints = readEventFingerprints(
      commits, also: dirtyEvents.compactMap { committedBlob[$0] }, git: git)
    var replay = GitLog.replay(commits, fingerprints: fingerprints)
    for path in dirty { replay.lastCommitted[path] = nil }
    for path in dirtyEvents {
      guard let committed = committedBlob[path].flatMap({ fingerprints[$0] }) else { continue }
      let working = (try? Data(contentsOf: contentFolder.appendingPathComponent(path))) ?? Data()
      if EventTimeAndPlace.fingerprint(of: working) != committed {
        replay.changes[path, default: 0] += 1
      }
    }
    var history = ContentHistory(
      lastCommitted: replay.lastCommitted, timeAndPlaceChanges: replay.changes)
    if !dirty.isEmpty {
      let shown = dirty.sorted().prefix(3).joined(separator: ", ")
      let more = dirty.count > 3 ? " and \(dirty.count - 3) more" : ""
      history.notes.append(
        "\(dirty.count) content file\(dirty.count == 1 ? " has" : "s have") uncommitted changes (\(shown)\(more)): their 'updated' comes from the file until committed"
      )
    }
    return history
  }

  /// The fingerprints of the versions of event files that a commit changed, read in one
  /// `git cat-file --batch`.
  private static func readEventFingerprints(
    _ commits: [GitLog.Commit], also extra: [String], git: GitProcess
  ) -> [String: [UInt8]] {
    var wanted = Set(extra)
    for commit in commits {
      // Only versions that a change compares: a new file's first version is read as the old
      // side of its next change.
      for change in commit.changes
      where GitLog.isEventFile(change.path) && change.oldBlob != change.newBlob
        && !GitLog.isMissing(change.oldBlob)
      {
        for blob in [change.oldBlob, change.newBlob] where !GitLog.isMissing(blob) {
          wanted.insert(blob)
        }
      }
    }
    guard !wanted.isEmpty else { return [:] }
    let input = Data((wanted.sorted().joined(separator: "\n") + "\n").utf8)
    guard let output = git.run(["cat-file", "--batch", "--buffer"], input: input),
      output.status == 0
    else { return [:] }
    return GitLog.fingerprints(ofBatch: output.standardOutput)
  }

  private static func unreadable(_ reason: String) -> ContentHistory {
    ContentHistory(
      notes: [
        "the content's git repository cannot be read (\(reason)): 'updated' and 'sequence' come from the files"
      ], isIncomplete: true)
  }

  private static func firstLine(_ text: String) -> String {
    let line = text.split(separator: "\n").first.map(String.init) ?? "no reason given"
    return line.hasPrefix("fatal: ") ? String(line.dropFirst(7)) : line
  }

  /// A `.git` in the folder or above it: the content is meant to be in a repository.
  private static func isInsideRepository(_ folder: URL) -> Bool {
    var current = folder.standardizedFileURL
    while true {
      if FileManager.default.fileExists(atPath: current.appendingPathComponent(".git").path) {
        return true
      }
      let parent = current.deletingLastPathComponent()
      if parent.path == current.path { return false }
      current = parent
    }
  }
}
