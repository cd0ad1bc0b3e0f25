import Foundation
import KredsTemplates

/// Every render of a theme made by ``Theme/recordingRenders()``, from every render thread.
public final class TemplateRenderRecorder: @unchecked Sendable {
  /// One template rendered over one value, and the text it gave.
  public struct Render: Sendable {
    public var template: String
    public var value: TemplateValue
    public var text: String
  }

  private let lock = NSLock()
  private var kept: [Render] = []

  func add(_ render: Render) {
    lock.lock()
    kept.append(render)
    lock.unlock()
  }

  /// The renders so far, in no fixed order.
  public var renders: [Render] {
    lock.lock()
    defer { lock.unlock() }
    return kept
  }
}
