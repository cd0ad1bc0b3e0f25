import Foundation
import Testing

/// The `kreds` binary as an editor runs it: exit status, diagnostics on standard error, the
/// summary line. `swift build --build-tests` builds the binary beside the tests.
@Suite struct CommandLineTests {
  static let binary = Fixtures.repository.appendingPathComponent(".build/debug/kreds")

  struct Run {
    var status: Int32
    var output: String
    var errors: String
  }

  func kreds(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws
    -> Run
  {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var env = ProcessInfo.processInfo.environment
    env["KREDS_THEME"] = Fixtures.theme.path
    env["NO_COLOR"] = "1"
    // The tests' own CI must not turn notes into warnings; a test sets these when it means to.
    for name in ["CI", "GITHUB_ACTIONS", "GITLAB_CI"] { env[name] = nil }
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      errors: String(decoding: errorData, as: UTF8.self))
  }

  func siteWithOneMistake() throws -> URL {
    let folder = try Fixtures.temporaryFolder()
    let content = folder.appendingPathComponent("content/networks/groent/events")
    try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
    try "title: Test\nbase_url: https://example.dk/\n".write(
      to: folder.appendingPathComponent("content/site.yaml"), atomically: true, encoding: .utf8)
    try "---\ntitle: Grønt\nsummary: Et netværk.\n---\n".write(
      to: folder.appendingPathComponent("content/networks/groent/index.md"), atomically: true,
      encoding: .utf8)
    try "---\ntitle: Møde\nstrat: 2027-01-25 09:00\nlocation: {name: Hal}\n---\n".write(
      to: content.appendingPathComponent("moede.md"), atomically: true, encoding: .utf8)
    return folder
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
  func contentErrorsExitWithOneAndWriteNothing() throws {
    let folder = try siteWithOneMistake()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try kreds(["build", "--now", "2026-11-23 12:00"], in: folder)
    #expect(run.status == 1)
    #expect(
      run.errors == """
        content/networks/groent/events/moede.md:2:1: error: missing required key 'start'; add e.g. 'start: 2023-01-25 09:00' (or a date alone for a whole day)
        content/networks/groent/events/moede.md:3:1: error: unknown key 'strat'; did you mean 'start'?
        2 errors, 0 warnings in 1 file; nothing written

        """)
    #expect(run.output.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))
  }

  /// `check` writes nothing in any case, so its summary does not say so.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
  func checkSummarisesWithoutNothingWritten() throws {
    let folder = try siteWithOneMistake()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try kreds(["check", "--now", "2026-11-23 12:00"], in: folder)
    #expect(run.status == 1)
    #expect(run.errors.hasSuffix("\n2 errors, 0 warnings in 1 file\n"))
  }

  /// A theme author's misspelt key: rendered as nothing normally, an error with
  /// `--strict-templates`.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
  func strictTemplatesNameAMisspeltKey() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let templates = folder.appendingPathComponent("templates")
    try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
    let page = try String(
      contentsOf: Fixtures.theme.appendingPathComponent("page.mustache"), encoding: .utf8)
    try page.replacingOccurrences(of: "{{page.title}}", with: "{{page.titel}}").write(
      to: templates.appendingPathComponent("page.mustache"), atomically: true, encoding: .utf8)
    let arguments = [
      "check", "--content", Fixtures.exampleContent.path, "--now", "2026-11-23 12:00", "--quiet",
    ]
    #expect(try kreds(arguments, in: folder).status == 0)
    let strict = try kreds(arguments + ["--strict-templates"], in: folder)
    #expect(strict.status == 1)
    #expect(
      strict.errors.contains(
        "\ntemplates/page.mustache:1:1: error: template error: rendering 'page' (with the templates it includes) looked up '{{page.titel}}'"
      ), "\(strict.errors)")
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
  func printsJSONAndGitHubAnnotations() throws {
    let folder = try siteWithOneMistake()
    defer { try? FileManager.default.removeItem(at: folder) }
    let json = try kreds(["check", "--format", "json", "--quiet"], in: folder)
    let first = try #require(json.errors.split(separator: "\n").first)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
    #expect(object["file"] as? String == "content/networks/groent/events/moede.md")
    #expect(object["line"] as? Int == 2)
    #expect(object["severity"] as? String == "error")
    let github = try kreds(["check", "--format", "github"], in: folder)
    #expect(
      github.errors.contains(
        "::error file=content/networks/groent/events/moede.md,line=3,col=1::unknown key 'strat'; did you mean 'start'?"
      ))
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
  func refusedOutputAndBadFlagsExitWithTwo() throws {
    let folder = try siteWithOneMistake()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try kreds(["build", "--output", "content"], in: folder).status == 2)
    #expect(try kreds(["build", "--output", "."], in: folder).status == 2)
    #expect(try kreds(["build", "--now", "i går"], in: folder).status == 2)
    #expect(try kreds(["build", "--no-such-flag"], in: folder).status == 2)
    #expect(try kreds(["check", "--content", "missing"], in: folder).status == 2)
    #expect(
      try kreds(["check"], in: folder, environment: ["SOURCE_DATE_EPOCH": "soon"]).status == 2)
    #expect(
      FileManager.default.fileExists(
        atPath: folder.appendingPathComponent("content/site.yaml").path))
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
  func aGoodBuildEndsWithTheSummaryLine() throws {
    let folder = try siteWithOneMistake()
    defer { try? FileManager.default.removeItem(at: folder) }
    let event = folder.appendingPathComponent("content/networks/groent/events/moede.md")
    try "---\ntitle: Møde\nstart: 2027-01-25 09:00\nlocation: {name: Hal}\n---\n".write(
      to: event, atomically: true, encoding: .utf8)
    let run = try kreds(["build", "--now", "2026-11-23 12:00"], in: folder)
    #expect(run.status == 0)
    #expect(run.errors.hasPrefix("Built "))
    let lines = run.errors.split(separator: "\n").map(String.init)
    #expect(lines.count == 2, "\(lines)")
    #expect(lines.first?.contains(" pages, ") == true && lines.first?.hasSuffix("→ site/") == true)
    // A site of the example's moment changes next at midnight, when "today" moves.
    #expect(lines.last?.hasPrefix("next change: 2026-11-24 00:00 (") == true, "\(lines)")
    #expect(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/index.html").path))

    let next = try kreds(["next-change", "--now", "2026-11-23 12:00"], in: folder)
    #expect(next.status == 0)
    #expect(next.output == "2026-11-24T00:00:00+01:00\n")
    let json = try kreds(["check", "--now", "2026-11-23 12:00", "--format", "json"], in: folder)
    let summary = json.errors.split(separator: "\n").last.map(String.init) ?? ""
    #expect(summary.hasPrefix("{\"summary\":{") && summary.hasSuffix("}}"), "\(json.errors)")
    #expect(summary.contains("\"next_change\":\"2026-11-24T00:00:00+01:00\""))
    #expect(summary.contains("\"next_change_kind\":\"newDay\""))
  }

  /// Options serve would only ignore are refused, with status 2 and before anything is served.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
  func serveRefusesTheOptionsItWouldIgnore() throws {
    let folder = try siteWithOneMistake()
    defer { try? FileManager.default.removeItem(at: folder) }
    for flags in [["--quiet"], ["--format", "json"], ["--strict-templates", "--quiet"]] {
      let run = try kreds(["serve", "--port", "1"] + flags, in: folder)
      #expect(run.status == 2, "\(flags)")
      #expect(run.errors.contains("kreds serve does not take --"), "\(run.errors)")
      for flag in flags where flag.hasPrefix("--") {
        #expect(run.errors.contains(flag), "\(run.errors)")
      }
    }
  }
}
