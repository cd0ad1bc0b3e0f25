/// Trimming as Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` and
/// `(in: .whitespaces)` trim, scalar by scalar, without bridging to `NSString`: every value of
/// every front matter is trimmed, and the bridging showed in the profile of a large build.
extension String {
  /// Without leading and trailing white space and line ends (Unicode `Z*`, tab to carriage
  /// return, next line).
  package func trimmingWhitespaceAndNewlines() -> String {
    trimming { scalar in
      switch scalar.value {
      case 0x09...0x0D, 0x85, 0x2028, 0x2029: return true
      default: return Self.isSpaceSeparator(scalar.value)
      }
    }
  }

  /// Without leading and trailing spaces and tabs (Unicode `Zs` and tab).
  package func trimmingSpaces() -> String {
    trimming { $0.value == 0x09 || Self.isSpaceSeparator($0.value) }
  }

  private static func isSpaceSeparator(_ value: UInt32) -> Bool {
    switch value {
    // U+200B too: Foundation's set has always held the zero-width space.
    case 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
  }

  private func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
      let last = scalars.lastIndex(where: { !isTrimmed($0) })
    else { return "" }
    if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
    return String(scalars[first...last])
  }
}
