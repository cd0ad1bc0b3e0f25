import Foundation

/// One run of `git` in a folder, its output read whole. Git's configuration cannot change what
/// Kreds parses: no colour, no pager, plain paths.
struct GitProcess {
  let executable: URL
  let folder: URL

  struct Output {
    var status: Int32
    var standardOutput: Data
    var standardError: String
  }

  /// `git` on the `PATH`, or nil when it is not installed.
  static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
    let path = environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") where !folder.isEmpty {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("git")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }

  /// Runs `git <arguments>`, writing `input` to its standard input on another thread so that a
  /// large input and a large output cannot wait on each other. Nil when it cannot start.
  func run(_ arguments: [String], input: Data? = nil) -> Output? {
    let process = Process()
    process.executableURL = executable
    process.currentDirectoryURL = folder
    process.arguments =
      ["-c", "core.quotePath=false", "-c", "color.ui=false", "-c", "log.showSignature=false"]
      + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["LC_ALL"] = "C"
    environment["GIT_PAGER"] = "cat"
    environment["GIT_TERMINAL_PROMPT"] = "0"
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    let standardInput = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = standardInput
    do { try process.run() } catch { return nil }
    let writer = Thread {
      if let input { standardInput.fileHandleForWriting.write(input) }
      try? standardInput.fileHandleForWriting.close()
    }
    writer.start()
    // Standard error is read on its own thread too: a chatty git must not block on it.
    let errorText = Pending { errors.fileHandleForReading.readDataToEndOfFile() }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, standardOutput: data,
      standardError: String(decoding: errorText.value, as: UTF8.self))
  }
}
