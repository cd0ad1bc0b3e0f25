import Foundation
import KredsBuild
import KredsSite

/// The site as last built, shared by the watcher and the request handlers. It keeps the last
/// good site while the content has errors, and tells open pages to reload after each build.
actor PreviewState {
  /// The files of the last good build, by path below the site root.
  private(set) var files: [String: OutputFile.Content] = [:]
  /// The problems of the latest build (errors mean `files` is from an earlier build).
  private(set) var diagnostics: [Diagnostic] = []
  private(set) var hasGoodBuild = false
  private var listeners: [UUID: AsyncStream<Void>.Continuation] = [:]

  var hasErrors: Bool { diagnostics.containsErrors }

  /// Takes the result of a build: new files when it succeeded, its diagnostics either way.
  func update(with report: SiteBuilder.Report) {
    diagnostics = report.diagnostics
    if let built = report.files {
      var map: [String: OutputFile.Content] = [:]
      for file in built { map[file.path] = file.content }
      files = map
      hasGoodBuild = true
    }
    for listener in listeners.values { listener.yield() }
  }

  /// A stream that yields once after every build, for the reload events of one page.
  func subscribe() -> (UUID, AsyncStream<Void>) {
    let id = UUID()
    let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    listeners[id] = continuation
    return (id, stream)
  }

  func unsubscribe(_ id: UUID) {
    listeners.removeValue(forKey: id)?.finish()
  }

  /// Ends every reload stream, so that the server can stop.
  func finishAll() {
    for listener in listeners.values { listener.finish() }
    listeners.removeAll()
  }
}
