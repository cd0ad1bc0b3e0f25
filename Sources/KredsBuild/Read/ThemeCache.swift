import Foundation
import KredsSite

/// The last theme loaded, with the files it was loaded from: `serve` parses the templates again
/// only when one of them changed.
public final class ThemeCache: @unchecked Sendable {
  private let lock = NSLock()
  private var last:
    (
      sources: [Theme.TemplateSource], assets: [String: [UInt8]],
      loaded: (theme: Theme?, diagnostics: [Diagnostic])
    )?

  public init() {}

  func theme(for sources: [Theme.TemplateSource], assets: [String: [UInt8]]) -> (
    theme: Theme?, diagnostics: [Diagnostic]
  )? {
    lock.lock()
    defer { lock.unlock() }
    guard let last, last.sources == sources, last.assets == assets else { return nil }
    return last.loaded
  }

  func store(
    _ loaded: (theme: Theme?, diagnostics: [Diagnostic]), for sources: [Theme.TemplateSource],
    assets: [String: [UInt8]]
  ) {
    lock.lock()
    last = (sources, assets, loaded)
    lock.unlock()
  }
}
