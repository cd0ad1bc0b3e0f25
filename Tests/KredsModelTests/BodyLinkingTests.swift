import KredsModel
import Testing

@Suite struct BodyLinkingTests {
  func body(_ html: String, links: Int) -> Body {
    let link = BodyLink(
      destination: "x", isImage: false, altText: nil, location: SourceLocation(line: 1, column: 1))
    return Body(
      html: html, links: Array(repeating: link, count: links), firstParagraph: "", plainText: "")
  }

  @Test func everyQuotedPlaceholderGetsItsOwnURL() {
    let links = (0..<13).map { "<a href=\"\(Body.placeholder($0))\">\($0)</a>" }.joined()
    let html = body(links, links: 13).html { "/side/\($0)/" }
    #expect(html.hasPrefix("<a href=\"/side/0/\">0</a><a href=\"/side/1/\">1</a>"))
    #expect(html.hasSuffix("<a href=\"/side/12/\">12</a>"))
    #expect(!html.contains("kreds-link"))
  }

  @Test func textThatOnlyLooksLikeAPlaceholderStays() {
    let html = body(
      "<p>kreds-link:0 \"kreds-link:\" \"kreds-link:7\" \"kreds-link:0x\"</p><img src=\"kreds-link:0\">",
      links: 1
    ).html { _ in "/a/" }
    #expect(
      html
        == "<p>kreds-link:0 \"kreds-link:\" \"kreds-link:7\" \"kreds-link:0x\"</p><img src=\"/a/\">"
    )
  }

  @Test func fiftyThousandLinksInOnePass() {
    let html = String(repeating: "<a href=\"kreds-link:49999\">x</a>", count: 50_000)
    let linked = body(html, links: 50_000).html { _ in "/" }
    #expect(linked.utf8.count == 50_000 * "<a href=\"/\">x</a>".utf8.count)
  }
}
