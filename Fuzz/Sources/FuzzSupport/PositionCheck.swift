import KredsModel

/// Stops the fuzzer (as a crash) when a diagnostic points outside the file it is about: every
/// problem must be reported at a line and column the editor can go to.
public func checkPositions(_ diagnostics: [Diagnostic], in bytes: [UInt8]) {
  // Lines end at LF, CRLF or a lone CR, as Kreds reads them.
  var lineCount = 1
  for (index, byte) in bytes.enumerated()
  where byte == 0x0A || (byte == 0x0D && bytes.dropFirst(index + 1).first != 0x0A) {
    lineCount += 1
  }
  for diagnostic in diagnostics {
    let location = diagnostic.location
    precondition(
      (1...lineCount + 1).contains(location.line) && location.column >= 1,
      "diagnostic outside the file (\(lineCount) lines): \(diagnostic)")
  }
}
