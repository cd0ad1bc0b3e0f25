import Dispatch
import Foundation
import Testing

@testable import KredsMarkdown

/// Bodies are parsed on every core at once. cmark-gfm keeps global state while it parses (the
/// extensions' special characters, the extension registry), so the renderer parses one body at
/// a time; without that, a strikethrough or an autolink could come out differently from run to
/// run, or the parser could stop on an assertion (github/cmark-gfm #176, #207).
@Suite struct ConcurrentRenderTests {
  static func body(_ number: Int) -> String {
    """
    # Møde \(number)

    Vi ~~aflyser~~ flytter mødet til www.example.dk/moede-\(number) og https://example.dk/\(number).

    | Tidspunkt | Programpunkt |
    |:--|--:|
    | 09:00 | Kaffe og ~~kage~~ \(number) |

    - [x] Tilmeldt
    - [ ] Betalt: se <https://example.dk/betal/\(number)>
    """
  }

  static func render(_ number: Int) -> String {
    MarkdownRenderer.render(body(number), allowRawHTML: false) { "kreds-link:\($0)" }.html
  }

  @Test func manyBodiesOnAllCoresComeOutAsOneByOne() {
    let count = 3000
    let serial = (0..<count).map(Self.render)
    let results = UnsafeMutableBufferPointer<String>.allocate(capacity: count)
    results.initialize(repeating: "")
    defer { results.deallocate() }
    nonisolated(unsafe) let shared = results
    DispatchQueue.concurrentPerform(iterations: count) { shared[$0] = Self.render($0) }
    var differing = 0
    for index in 0..<count where results[index] != serial[index] { differing += 1 }
    #expect(differing == 0, "\(differing) of \(count) bodies came out differently in parallel")
    #expect(serial[7].contains("<del>aflyser</del>") && serial[7].contains("<table"))
  }
}
