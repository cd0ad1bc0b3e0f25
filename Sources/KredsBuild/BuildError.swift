/// Why a command could not run at all (exit status 2): the environment, not the content.
public struct BuildError: Error, CustomStringConvertible, Sendable {
  public var description: String

  public init(_ description: String) { self.description = description }
}
