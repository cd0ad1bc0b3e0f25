import Foundation
import KredsSite

/// The build time of reproducible builds (reproducible-builds.org's `SOURCE_DATE_EPOCH`).
public enum BuildTime {
  public static func fromEnvironment() throws -> Date {
    guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !text.isEmpty else {
      return Date()
    }
    guard let seconds = Int(text), seconds >= 0 else {
      throw BuildError(
        "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, found '\(text)'")
    }
    return Date(timeIntervalSince1970: Double(seconds))
  }
}
