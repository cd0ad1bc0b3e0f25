import Foundation
import Testing

@testable import KredsSite

/// Templates look the interface's words up as `t.*`: a key only one language has would render as
/// nothing in the other.
@Suite struct InterfaceTextTests {
  @Test func danishAndEnglishHaveTheSameKeys() {
    let danish = Set(InterfaceText.table(for: .da).keys)
    let english = Set(InterfaceText.table(for: .en).keys)
    #expect(danish.subtracting(english).sorted() == [], "keys only Danish has")
    #expect(english.subtracting(danish).sorted() == [], "keys only English has")
  }

  @Test func noTextIsEmpty() {
    for language in Language.allCases {
      for (key, text) in InterfaceText.table(for: language) {
        #expect(!text.isEmpty, "\(language): '\(key)' is empty")
      }
    }
  }

  /// A label the code asks for and no table holds would be shown as its key: every
  /// `label("…")` and `word("…"` in the sources, and every `t.…` in the templates, is in both.
  @Test func everyKeyTheCodeAndTemplatesNameExists() throws {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let table = Set(InterfaceText.table(for: .da).keys)
    var named: [String: String] = [:]
    let code = try NSRegularExpression(pattern: #"(?:label|word)\("([A-Za-z0-9]+)""#)
    let template = try NSRegularExpression(pattern: #"\{\{\{?[#^/]?\s*t\.([A-Za-z0-9]+)"#)
    for (folder, pattern) in [("Sources/KredsSite", code), ("templates", template)] {
      let root = repository.appendingPathComponent(folder)
      let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }
      for file in files ?? [] where file.hasSuffix(".swift") || file.hasSuffix(".mustache") {
        let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        let range = NSRange(text.startIndex..., in: text)
        for match in pattern.matches(in: text, range: range) {
          guard let key = Range(match.range(at: 1), in: text).map({ String(text[$0]) }) else {
            continue
          }
          named[key] = "\(folder)/\(file)"
        }
      }
    }
    #expect(named.count > 50, "the scan found the keys")
    for (key, file) in named.sorted(by: { $0.key < $1.key }) where !table.contains(key) {
      Issue.record("\(file) names the interface word '\(key)', which no table holds")
    }
  }

  /// The labels asked for by a value rather than written in the code.
  @Test func everyChannelOfANetworkHasALabel() {
    for language in Language.allCases {
      for kind in ChannelLink.Kind.allCases {
        #expect(InterfaceText.table(for: language)[kind.rawValue] != nil, "\(language): \(kind)")
      }
    }
  }
}
