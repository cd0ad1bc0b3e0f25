import Foundation

/// "Building… 1.4 s" on the terminal while a build takes longer than a second, cleared when it
/// ends. Silent when standard error is not a terminal, so logs and CI output stay clean.
final class Progress: @unchecked Sendable {
  private let label: String
  private let started = Date()
  private let lock = NSLock()
  private var finished = false
  private var shown = false
  private let timer: DispatchSourceTimer?

  init(_ label: String, enabled: Bool) {
    self.label = label
    guard enabled, isatty(STDERR_FILENO) == 1 else {
      timer = nil
      return
    }
    let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
    timer.schedule(deadline: .now() + 1, repeating: 0.25)
    self.timer = timer
    timer.setEventHandler { [weak self] in self?.tick() }
    timer.resume()
  }

  private func tick() {
    lock.lock()
    defer { lock.unlock() }
    guard !finished else { return }
    shown = true
    let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
    FileHandle.standardError.write(Data("\r\(label)… \(seconds) s".utf8))
  }

  /// Stops and clears the line, before the diagnostics and the summary are printed.
  func finish() {
    timer?.cancel()
    lock.lock()
    defer { lock.unlock() }
    finished = true
    if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
