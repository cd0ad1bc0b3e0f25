import Foundation
import Hummingbird
import KredsBuild
import KredsSite
import Logging

/// `kreds serve`: builds in memory, serves the site, rebuilds on every change of the content or
/// the templates, and reloads open pages. Writes nothing to disk.
public enum PreviewServer {
  public struct Options: Sendable {
    public var build: SiteBuilder.Options
    public var host: String
    public var port: Int
    /// Prints a line (diagnostics and build summaries) to the terminal.
    public var log: @Sendable (String) -> Void

    public init(
      build: SiteBuilder.Options, host: String, port: Int, log: @escaping @Sendable (String) -> Void
    ) {
      self.build = build
      self.host = host
      self.port = port
      self.log = log
    }
  }

  /// Runs until SIGINT or SIGTERM. Throws ``BuildError`` when it cannot start.
  public static func run(_ options: Options) async throws {
    var build = options.build
    build.outputFolder = nil
    if build.baseURL == nil {
      let host = options.host.contains(":") ? "[\(options.host)]" : options.host
      build.baseURL = "http://\(host):\(options.port)/"
    }
    let state = PreviewState()
    let cache = ParseCache()
    let rebuild = Rebuilder(options: build, cache: cache, state: state, log: options.log)
    await rebuild.run(reason: nil)

    var watched = [build.contentFolder]
    if let templates = build.templatesFolder, FileManager.default.fileExists(atPath: templates.path)
    {
      watched.append(templates)
    }
    let watchedNames = watched.map(\.relativePath).joined(separator: ", ")
    let watcher = ContentWatcher(folders: watched) { Task { await rebuild.run(reason: "change") } }
    watcher.start()
    defer { watcher.stop() }

    let app = Application(
      responder: PreviewResponder(state: state, contentFolder: build.contentFolder),
      configuration: .init(
        address: .hostname(options.host, port: options.port), serverName: "kreds"),
      onServerRunning: { _ in
        options.log(
          "Serving the site on http://\(options.host):\(options.port)/ (Ctrl-C to stop); watching \(watchedNames)"
        )
      },
      logger: quietLogger())
    let server = Task { try await app.runService(gracefulShutdownSignals: []) }
    // Ctrl-C: end the reload streams first, or open pages would keep the server waiting.
    let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number)
      source.setEventHandler {
        Task {
          await state.finishAll()
          server.cancel()
        }
      }
      source.resume()
      return source
    }
    defer { signals.forEach { $0.cancel() } }
    do {
      try await server.value
    } catch is CancellationError {
    } catch {
      throw BuildError("cannot serve on \(options.host):\(options.port): \(error)")
    }
    options.log("Stopped.")
  }

  static func quietLogger() -> Logger {
    var logger = Logger(label: "kreds-serve")
    logger.logLevel = .critical  // cancellation on Ctrl-C logs errors that mean nothing to editors
    return logger
  }
}

/// Runs builds one at a time and hands each result to the state.
actor Rebuilder {
  let options: SiteBuilder.Options
  let cache: ParseCache
  let state: PreviewState
  let log: @Sendable (String) -> Void
  private var running = false
  private var pending = false
  /// The site whose email sizes are being checked in the background.
  private var checkedSite: OnDemandSite?

  init(
    options: SiteBuilder.Options, cache: ParseCache, state: PreviewState,
    log: @escaping @Sendable (String) -> Void
  ) {
    self.options = options
    self.cache = cache
    self.state = state
    self.log = log
  }

  /// Builds now, or once more after the build under way when one is running.
  func run(reason: String?) async {
    if running {
      pending = true
      return
    }
    running = true
    repeat {
      pending = false
      // The previous site's email check would only slow this build down.
      checkedSite?.stopChecking()
      let started = Date()
      do {
        let preview = try SiteBuilder.preview(options, cache: cache)
        for diagnostic in preview.diagnostics { log(diagnostic.formatted()) }
        // Milliseconds under a second: rebuilds after an edit take tens of them.
        let elapsed = Date().timeIntervalSince(started)
        let seconds =
          elapsed < 1 ? "\(Int((elapsed * 1000).rounded())) ms" : String(format: "%.2f s", elapsed)
        if let site = preview.site {
          log(
            "\(reason == nil ? "Built" : "Rebuilt") \(site.plan.pageCount) pages in \(seconds)")
        } else {
          let errors = preview.diagnostics.filter { $0.severity == .error }.count
          // Before the first good build there is no site to fall back on: pages show the problems.
          let serving =
            await state.hasGoodBuild
            ? "still serving the last good site" : "pages show the problems until they are fixed"
          log("\(errors) error\(errors == 1 ? "" : "s") in the content; \(serving)")
        }
        let number = await state.update(with: preview)
        if let site = preview.site {
          checkedSite = site
          checkEmailSizes(of: site, build: number, preview)
        }
      } catch {
        log("error: \(error)")
      }
    } while pending
    running = false
  }

  /// Renders the newsletter emails after the site is shown, and reports those too large for
  /// Gmail as `build` would (as errors in the terminal and over the pages). Unlike `build`,
  /// which writes nothing then, the site stays shown: the preview is of the latest content.
  private func checkEmailSizes(
    of site: OnDemandSite, build number: Int, _ preview: SiteBuilder.Preview
  ) {
    let state = self.state
    let log = self.log
    let displayed = preview.displayed
    // A thread of its own: the check renders every email, and would hold one of the few
    // threads that serve requests for as long.
    let thread = Thread {
      guard let problems = site.emailSizeDiagnostics() else { return }
      let shown = problems.map(displayed)
      for diagnostic in shown { log(diagnostic.formatted()) }
      Task { await state.add(shown, toBuild: number) }
    }
    thread.name = "kreds-email-sizes"
    thread.qualityOfService = .utility
    thread.start()
  }
}
