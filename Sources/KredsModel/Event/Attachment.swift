/// A file offered with an event, such as the programme as PDF.
public struct Attachment: Hashable, Sendable {
  /// Relative to the content folder: `media/...`.
  public var file: Located<String>
  public var title: String

  public init(file: Located<String>, title: String) {
    self.file = file
    self.title = title
  }
}
