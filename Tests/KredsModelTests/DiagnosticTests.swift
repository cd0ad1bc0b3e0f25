import Testing

@testable import KredsModel

@Suite struct DiagnosticTests {
  @Test func quotedControlCharactersCannotReachTheTerminal() {
    let diagnostic = Diagnostic(
      file: "site.yaml", location: SourceLocation(line: 3, column: 8),
      message: "'start' must be a date, found '\u{1B}[2J\u{202E}x\r'\nlike:\n  start: 2023-01-25")
    #expect(
      diagnostic.formatted()
        == "site.yaml:3:8: error: 'start' must be a date, found '\\u{1B}[2J\\u{202E}x\\u{D}'\nlike:\n  start: 2023-01-25"
    )
  }
}
