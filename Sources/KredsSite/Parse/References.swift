import Foundation
import KredsMarkdown
import Yams

/// Network slugs, media paths and the body a file names, checked against the whole site.
public struct References: Sendable {
  public var networks: [Located<String>] = []
  public var media: [Located<String>] = []
  public var body: Body?

  public init() {}
}
