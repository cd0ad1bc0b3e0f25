import Foundation
import Testing

/// Builds that cannot finish: the output cannot be written, the disk fills up, or the build is
/// killed. The previous site stays whole, the exit status says why, and the next build cleans
/// up. The real binary runs, as cron would run it.
extension CommandLineTests {
  /// A fixed build time, so that every build of the same content has the same bytes.
  static let buildTime = ["SOURCE_DATE_EPOCH": "1795435200"]

  /// The example content and a site built from it, in a temporary folder.
  func builtExample() throws -> (folder: URL, site: [String: Data]) {
    let folder = try Fixtures.temporaryFolder()
    try FileManager.default.copyItem(
      at: Fixtures.exampleContent, to: folder.appendingPathComponent("content"))
    #expect(
      try kreds(["build", "--now", "2026-11-23 12:00"], in: folder, environment: Self.buildTime)
        .status == 0)
    return (folder, Fixtures.tree(folder.appendingPathComponent("site")))
  }

  func temporaryFolders(in folder: URL) throws -> [String] {
    // The picture cache beside the content folder is meant to stay.
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.contains(".kreds-") && $0 != ".kreds-cache"
    }
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
  func anOutputFolderThatCannotBeMadeExitsWithTwo() throws {
    let folder = try siteWithOneMistake()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.removeItem(
      at: folder.appendingPathComponent("content/networks/groent/events"))
    // Permissions do not stop root, who runs CI; a file where a folder must be stops everyone.
    try "".write(to: folder.appendingPathComponent("fil"), atomically: true, encoding: .utf8)
    let run = try kreds(["build", "--output", "fil/site", "--now", "2026-11-23 12:00"], in: folder)
    #expect(run.status == 2)
    #expect(run.errors.contains("error: cannot create the folder"))
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
  func aWriteThatFailsMidwayLeavesThePreviousSite() throws {
    let (folder, before) = try builtExample()
    defer { try? FileManager.default.removeItem(at: folder) }
    // The file size limit makes the first large page fail to write, as a full disk would;
    // SIGXFSZ is ignored so that the write returns the error instead of killing the build.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c", "trap '' XFSZ; ulimit -f 16; exec \"$0\" build --now '2026-11-23 12:00'",
      Self.binary.path,
    ]
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    environment["KREDS_THEME"] = Fixtures.theme.path
    environment.merge(Self.buildTime) { _, fixed in fixed }
    process.environment = environment
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let message = String(
      decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 2)
    #expect(message.contains("error: cannot write '"), "\(message)")
    #expect(message.contains("File too large"), "\(message)")
    #expect(Fixtures.tree(folder.appendingPathComponent("site")) == before)
    #expect(try temporaryFolders(in: folder) == [])
  }

  @Test(
    .enabled(if: FileManager.default.fileExists(atPath: binary.path)),
    arguments: [SIGKILL, SIGINT, SIGTERM])
  func aKilledBuildLeavesThePreviousSiteAndTheNextBuildCleansUp(signal: Int32) throws {
    let (folder, before) = try builtExample()
    defer { try? FileManager.default.removeItem(at: folder) }
    let build = try spawnWithDefaultSignals([
      Self.binary.path, "build", "--content", folder.appendingPathComponent("content").path,
      "--output", folder.appendingPathComponent("site").path, "--now", "2026-11-23 12:00",
    ])
    // Kill it once it has started writing its new site. Should it finish first on a fast
    // machine, the checks below hold all the same.
    var status: Int32 = 0
    while waitpid(build, &status, WNOHANG) == 0, try temporaryFolders(in: folder).isEmpty {
      usleep(500)
    }
    kill(build, signal)
    waitpid(build, &status, 0)

    #expect(Fixtures.tree(folder.appendingPathComponent("site")) == before)
    #expect(
      try kreds(["build", "--now", "2026-11-23 12:00"], in: folder, environment: Self.buildTime)
        .status == 0)
    #expect(try temporaryFolders(in: folder) == [])
    #expect(Fixtures.tree(folder.appendingPathComponent("site")) == before)
  }

  /// Starts `arguments` with SIGINT and SIGTERM unblocked and at their default action: the test
  /// runner's threads block signals, a child inherits that, and the build would never feel them.
  func spawnWithDefaultSignals(_ arguments: [String]) throws -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGINT)
    sigaddset(&defaults, SIGTERM)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    posix_spawnattr_setsigmask(&attributes, &unblocked)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    var environment = ProcessInfo.processInfo.environment
    environment["KREDS_THEME"] = Fixtures.theme.path
    environment.merge(Self.buildTime) { _, fixed in fixed }
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, arguments[0], nil, &attributes, argv, envp)
    guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
    return pid
  }
}
