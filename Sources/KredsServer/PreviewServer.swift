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
    let images = build.imageStore
    let rebuild = Rebuilder(
      options: build, cache: cache, images: images, state: state, log: options.log)
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
      responder: PreviewResponder(
        state: state, contentFolder: build.contentFolder, images: images),
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
