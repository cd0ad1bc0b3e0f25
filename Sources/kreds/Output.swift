import Foundation
import KredsSite

/// Writing to the terminal.
enum Output {
  static func standardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  static func standardOutput(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }
}
