import Foundation
import KredsBuild
import KredsSite

/// The site as last built, shared by the watcher and the request handlers. It keeps the last
/// good site while the content has errors, and tells open pages to reload after each build.
actor PreviewState {
  /// The last good site, its files rendered when asked for.
  private(set) var site: OnDemandSite?
  /// The problems of the latest build (errors mean `site` is from an earlier build).
  private(set) var diagnostics: [Diagnostic] = []
  private var generation = 0
  private var listeners: [UUID: AsyncStream<Void>.Continuation] = [:]

  var hasErrors: Bool { diagnostics.containsErrors }
  var hasGoodBuild: Bool { site != nil }

  /// Takes the result of a build: the new site when it succeeded, its diagnostics either way.
  /// Returns the build's number, for ``add(_:toBuild:)``.
  func update(with preview: SiteBuilder.Preview) -> Int {
    generation += 1
    diagnostics = preview.diagnostics
    if let built = preview.site { site = built }
    notifyListeners()
    return generation
  }

  /// Adds problems found after the build was shown (the sizes of newsletter emails), unless a
  /// newer build has replaced it. Open pages reload when they are errors, to show them.
  func add(_ problems: [Diagnostic], toBuild number: Int) {
    guard number == generation, !problems.isEmpty else { return }
    diagnostics = (diagnostics + problems).sorted()
    if problems.containsErrors { notifyListeners() }
  }

  private func notifyListeners() {
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
