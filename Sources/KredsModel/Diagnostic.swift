/// A position in a content file as the editor sees it: 1-based line (the opening `---` is line 1)
/// and 1-based column counted in Unicode scalars.
public struct SourceLocation: Hashable, Sendable, Comparable {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// The start of a file, for problems that belong to the file as a whole.
  public static let fileStart = SourceLocation(line: 1, column: 1)

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}

/// How bad a problem is: errors stop a build, warnings are printed and the build goes on.
public enum Severity: String, Sendable, Hashable {
  case error
  case warning
}

/// One problem an editor can fix, at a place in a file.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  /// The file's path relative to the content folder, with `/` separators.
  public var file: String
  public var location: SourceLocation
  public var severity: Severity
  public var message: String

  public init(file: String, location: SourceLocation, severity: Severity = .error, message: String)
  {
    self.file = file
    self.location = location
    self.severity = severity
    self.message = message
  }

  /// The compiler-style line, `path:line:column: error: message`, with `prefix` before the path
  /// (the content folder as the editor named it, so the path opens from where they stand).
  /// Control characters (but line feeds) and direction overrides, which a message may quote
  /// from content, are written as `\u{1B}`, so a message can never drive the terminal or reorder
  /// the line it is printed on.
  public func formatted(prefix: String = "") -> String {
    "\(prefix)\(file):\(location.line):\(location.column): \(severity.rawValue): \(Self.printable(message))"
  }

  /// `text` with control characters but line feeds, and direction controls, written `\u{…}`.
  static func printable(_ text: String) -> String {
    func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar.value {
      case 0x0A: return false
      case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
      default: return false
      }
    }
    guard text.unicodeScalars.contains(where: isUnprintable) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      if isUnprintable(scalar) {
        result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  public var description: String { formatted() }
}

extension Diagnostic: Comparable {
  public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    if lhs.file != rhs.file { return lhs.file < rhs.file }
    if lhs.location != rhs.location { return lhs.location < rhs.location }
    return lhs.message < rhs.message
  }
}

extension Array where Element == Diagnostic {
  /// Whether any of these stops the build.
  public var containsErrors: Bool { contains { $0.severity == .error } }
}

/// A value together with where the editor wrote it, for checks made after parsing.
public struct Located<Value: Sendable>: Sendable {
  public var value: Value
  public var location: SourceLocation

  public init(_ value: Value, at location: SourceLocation) {
    self.value = value
    self.location = location
  }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
