import Foundation
import Testing

@testable import KredsBuild
@testable import KredsSite

/// `updated` and `SEQUENCE` from the content's git history (issue 19, CONTENT.md "Change
/// history"): a repository made here, with fixed commit times.
@Suite struct GitHistoryTests {
  /// The event as it is first committed (shared with Tests/Conformance/historycheck.py).
  private static let event =
    (try? String(
      contentsOf: Fixtures.repository.appendingPathComponent(
        "Tests/Fixtures/history/morgenmoede.md"),
      encoding: .utf8)) ?? ""

  /// A site folder with a git repository, whose commits are made at fixed times.
  private struct Repository {
    let folder: URL
    var content: URL { folder.appendingPathComponent("content") }
    var eventFile: URL { content.appendingPathComponent("networks/net/events/morgenmoede.md") }
    private var clock = 1_790_000_000

    init() throws {
      folder = try Fixtures.temporaryFolder()
      let events = content.appendingPathComponent("networks/net/events")
      try FileManager.default.createDirectory(at: events, withIntermediateDirectories: true)
      try "---\ntitle: Net\nsummary: Et netværk.\n---\n".write(
        to: content.appendingPathComponent("networks/net/index.md"), atomically: true,
        encoding: .utf8)
      try "title: Test\nbase_url: https://example.dk/\ntimezone: Europe/Copenhagen\n".write(
        to: content.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
      try git("init", "-q")
    }

    @discardableResult
    func git(_ arguments: String..., at time: Int = 1_790_000_000) throws -> String {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["git"] + arguments
      process.currentDirectoryURL = folder
      var environment = ProcessInfo.processInfo.environment
      for key in ["GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"] { environment[key] = "@\(time) +0000" }
      for key in ["GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"] { environment[key] = "Redaktør" }
      for key in ["GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"] { environment[key] = "r@example.dk" }
      environment["GIT_CONFIG_NOSYSTEM"] = "1"
      environment["HOME"] = folder.path
      process.environment = environment
      let output = Pipe()
      process.standardOutput = output
      try process.run()
      let data = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      guard process.terminationStatus == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: ["git": arguments])
      }
      return String(decoding: data, as: UTF8.self)
    }

    /// Writes the event with `edit` applied and commits it one hour after the last commit.
    mutating func commit(_ message: String, _ edit: (String) -> String) throws {
      let current = (try? String(contentsOf: eventFile, encoding: .utf8)) ?? GitHistoryTests.event
      try edit(current).write(to: eventFile, atomically: true, encoding: .utf8)
      clock += 3600
      try git("add", "-A", at: clock)
      try git("commit", "-q", "-m", message, at: clock)
    }

    var lastCommitTime: Int { clock }

    func build() throws -> (calendar: String, sitemap: String, report: SiteBuilder.Report) {
      var options = Fixtures.options(content: content, output: nil)
      options.readsHistory = true
      let report = try SiteBuilder.run(options)
      let files = try #require(report.files)
      func text(_ path: String) throws -> String {
        let file = try #require(files.first { $0.path == path }, "no \(path)")
        guard case .bytes(let bytes) = file.content else { return "" }
        return String(decoding: bytes, as: UTF8.self)
      }
      return (
        try text("arrangementer/morgenmoede/morgenmoede.ics"), try text("sitemap.xml"), report
      )
    }
  }

  private func line(_ name: String, in calendar: String) -> String? {
    calendar.components(separatedBy: "\r\n").first { $0.hasPrefix(name + ":") }
  }

  private func utc(_ seconds: Int) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
    return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
  }

  private func movedTwiceThenTypo() throws -> Repository {
    var repository = try Repository()
    try repository.commit("Nyt møde") { $0 }
    try repository.commit("Flyttet en time") {
      $0.replacingOccurrences(of: "09:00", with: "10:00")
        .replacingOccurrences(of: "11:00", with: "12:00")
    }
    try repository.commit("Nyt sted") {
      $0.replacingOccurrences(of: "Forskerparken 10", with: "Forskerparken 12")
    }
    try repository.commit("Stavefejl") { $0.replacingOccurrences(of: "gerne", with: "gerne her") }
    return repository
  }

  @Test func sequenceCountsTimeAndPlaceChangesOnly() throws {
    let repository = try movedTwiceThenTypo()
    defer { try? FileManager.default.removeItem(at: repository.folder) }
    let (calendar, sitemap, report) = try repository.build()
    #expect(line("SEQUENCE", in: calendar) == "SEQUENCE:2")
    #expect(
      line("LAST-MODIFIED", in: calendar) == "LAST-MODIFIED:" + utc(repository.lastCommitTime))
    #expect(line("DTSTAMP", in: calendar) == "DTSTAMP:" + utc(repository.lastCommitTime))
    #expect(sitemap.contains("<lastmod>"))
    #expect(report.notes.isEmpty, "\(report.notes)")
    // Same commit, same bytes.
    #expect(try repository.build().calendar == calendar)
  }

  @Test func anExplicitSequenceIsAFloor() throws {
    var repository = try movedTwiceThenTypo()
    defer { try? FileManager.default.removeItem(at: repository.folder) }
    try repository.commit("Sekvens") {
      $0.replacingOccurrences(of: "---\n\n", with: "sequence: 7\n---\n\n")
    }
    #expect(line("SEQUENCE", in: try repository.build().calendar) == "SEQUENCE:7")
  }

  @Test func anUncommittedMoveRaisesTheSequenceAndIsNoted() throws {
    let repository = try movedTwiceThenTypo()
    defer { try? FileManager.default.removeItem(at: repository.folder) }
    let text = try String(contentsOf: repository.eventFile, encoding: .utf8)
    try text.replacingOccurrences(of: "10:00", with: "10:30").write(
      to: repository.eventFile, atomically: true, encoding: .utf8)
    let (calendar, _, report) = try repository.build()
    #expect(line("SEQUENCE", in: calendar) == "SEQUENCE:3")
    // Its own values: no `updated:`, so the build's time, as without git.
    #expect(line("LAST-MODIFIED", in: calendar) == nil)
    #expect(report.notes.count == 1)
    #expect(report.notes.first?.contains("networks/net/events/morgenmoede.md") == true)
  }

  @Test func aRenamedEventKeepsItsCount() throws {
    let repository = try movedTwiceThenTypo()
    defer { try? FileManager.default.removeItem(at: repository.folder) }
    try repository.git(
      "mv", "content/networks/net/events/morgenmoede.md",
      "content/networks/net/events/morgenmoede-ny.md")
    try repository.git("commit", "-q", "-m", "Nyt navn", at: repository.lastCommitTime + 60)
    let history = GitHistory.read(contentFolder: repository.content)
    #expect(history.timeAndPlaceChanges["networks/net/events/morgenmoede-ny.md"] == 2)
    #expect(history.timeAndPlaceChanges["networks/net/events/morgenmoede.md"] == nil)
  }

  @Test func aShallowCloneUsesTheFilesAndSaysSo() throws {
    let repository = try movedTwiceThenTypo()
    defer { try? FileManager.default.removeItem(at: repository.folder) }
    let clone = repository.folder.appendingPathComponent("clone")
    try repository.git(
      "clone", "-q", "--depth", "1", "file://" + repository.folder.path, clone.path)
    let history = GitHistory.read(contentFolder: clone.appendingPathComponent("content"))
    #expect(history.timeAndPlaceChanges.isEmpty)
    #expect(history.lastCommitted.isEmpty)
    #expect(history.notes.count == 1)
    #expect(history.notes.first?.contains("shallow") == true)
  }

  /// In CI nobody reads a note: a shallow clone is a warning there, with what to change in the
  /// recipe, printed even with --quiet and as a GitHub annotation (issue 27).
  @Test(.enabled(if: FileManager.default.fileExists(atPath: CommandLineTests.binary.path)))
  func aShallowCloneIsAWarningInCI() throws {
    let repository = try movedTwiceThenTypo()
    defer { try? FileManager.default.removeItem(at: repository.folder) }
    let clone = repository.folder.appendingPathComponent("clone")
    try repository.git(
      "clone", "-q", "--depth", "1", "file://" + repository.folder.path, clone.path)
    let cli = CommandLineTests()
    let arguments = ["check", "--now", "2026-11-23 12:00"]
    let atDesk = try cli.kreds(arguments, in: clone)
    #expect(atDesk.status == 0)
    #expect(atDesk.errors.contains("note: the content's git history is shallow"))
    #expect(!atDesk.errors.contains("warning:"))
    let inCI = try cli.kreds(arguments + ["--quiet"], in: clone, environment: ["CI": "true"])
    #expect(inCI.status == 0)
    #expect(inCI.errors.contains("warning: the content's git history is shallow"))
    #expect(inCI.errors.contains("fetch-depth: 0"))
    #expect(!inCI.errors.contains("note:"))
    let annotated = try cli.kreds(
      arguments + ["--format", "github"], in: clone, environment: ["GITHUB_ACTIONS": "true"])
    #expect(
      annotated.errors.contains("::warning title=Kreds::the content's git history is shallow"))
    #expect(annotated.errors.contains("Checked: 0 errors, 1 warning"))
    let json = try cli.kreds(
      arguments + ["--format", "json"], in: clone, environment: ["GITLAB_CI": "true"])
    #expect(json.errors.contains(#""severity":"warning""#))
    #expect(json.errors.contains(#""warnings":1"#))
  }

  @Test func anUnreadableRepositoryIsANoteNotAFailure() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let git = folder.appendingPathComponent(".git")
    try FileManager.default.createDirectory(at: git, withIntermediateDirectories: true)
    try "not a reference\n".write(
      to: git.appendingPathComponent("HEAD"), atomically: true, encoding: .utf8)
    let history = GitHistory.read(contentFolder: folder)
    #expect(history.lastCommitted.isEmpty && history.timeAndPlaceChanges.isEmpty)
    #expect(history.notes.count == 1)
    #expect(history.notes.first?.contains("cannot be read") == true)
  }

  @Test func withoutGitNothingChanges() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(GitHistory.read(contentFolder: folder) == .none)
  }

  @Test func onlyTimeAndPlaceKeysCount() {
    let before = Data(Self.event.utf8)
    let typo = Data(Self.event.replacingOccurrences(of: "Morgenmøde", with: "Morgenmødet").utf8)
    let moved = Data(Self.event.replacingOccurrences(of: "09:00", with: "09:30").utf8)
    let online = Data(
      Self.event.replacingOccurrences(
        of: "location:", with: "online:\n  url: https://example.dk/m\nlocation:"
      ).utf8)
    #expect(EventTimeAndPlace.fingerprint(of: before) == EventTimeAndPlace.fingerprint(of: typo))
    #expect(EventTimeAndPlace.fingerprint(of: before) != EventTimeAndPlace.fingerprint(of: moved))
    #expect(EventTimeAndPlace.fingerprint(of: before) != EventTimeAndPlace.fingerprint(of: online))
  }
}
