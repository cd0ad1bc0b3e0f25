import Foundation

/// A file of the content folder as discovered: its path relative to the content folder (with `/`
/// separators) and its bytes. Media files carry no bytes: they are copied, not read.
public struct SourceFile: Sendable {
  public var path: String
  public var bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }
}
