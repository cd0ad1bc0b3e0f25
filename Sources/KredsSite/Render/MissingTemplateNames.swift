import Foundation

/// The names templates looked up and no context held, by template, collected from every render
/// thread in strict mode (``Theme/checkingNames()``).
final class MissingTemplateNames: @unchecked Sendable {
  private let lock = NSLock()
  private var names: [String: Set<String>] = [:]

  func add(_ missing: Set<String>, template: String) {
    guard !missing.isEmpty else { return }
    lock.lock()
    names[template, default: []].formUnion(missing)
    lock.unlock()
  }

  /// `displayPaths` names each template's file as other template diagnostics do.
  func diagnostics(displayPaths: [String: String]) -> [Diagnostic] {
    lock.lock()
    defer { lock.unlock() }
    return names.keys.sorted().flatMap { template in
      names[template, default: []].sorted().map { name in
        Diagnostic(
          file: displayPaths[template] ?? "templates/\(template).mustache", location: .fileStart,
          message:
            "template error: rendering '\(template)' (with the templates it includes) looked up '{{\(name)}}', which no context holds (strict template check); correct the name, or add the key to the view"
        )
      }
    }
  }
}
