import Testing

@testable import KredsMarkdown

@Suite struct MarkdownRendererTests {
  func render(_ text: String, raw: Bool = false) -> MarkdownDocument {
    MarkdownRenderer.render(text, allowRawHTML: raw) { "kreds-link:\($0)" }
  }

  @Test func rendersGitHubExtensions() {
    let html = render(
      "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ https://example.dk\n\n- [x] done\n\nNote[^1]\n\n[^1]: Foot."
    ).html
    #expect(html.contains("<table>"))
    #expect(html.contains("<del>old</del>"))
    #expect(html.contains("type=\"checkbox\""))
    #expect(html.contains("footnote"))
  }

  @Test func replacesEveryDestinationWithAPlaceholder() {
    let document = render(
      "Se [mødet](../events/x.md) og ![Solceller](/media/a.svg).\n\nLinje to: <https://example.dk>")
    #expect(
      document.links.map(\.destination) == ["../events/x.md", "/media/a.svg", "https://example.dk"])
    #expect(document.links.map(\.isImage) == [false, true, false])
    #expect(document.links[1].altText == "Solceller")
    #expect(document.html.contains("href=\"kreds-link:0\""))
    #expect(document.html.contains("src=\"kreds-link:1\""))
    #expect(!document.html.contains("../events/x.md"))
    #expect(document.links[2].line == 3)
  }

  @Test func omitsRawHTMLUnlessAllowed() {
    #expect(!render("<script>alert(1)</script>\n\nHej").html.contains("<script>"))
    #expect(render("<b>fed</b>", raw: true).html.contains("<b>fed</b>"))
  }

  @Test func extractsTheFirstParagraphAsText() {
    let document = render("# Overskrift\n\nFørste *afsnit*\nfortsætter.\n\nAndet afsnit.")
    #expect(document.firstParagraph == "Første afsnit fortsætter.")
    #expect(document.plainText.contains("Andet afsnit."))
  }

  @Test func theBodysTopHeadingBecomesH2WithoutGaps() {
    #expect(render("# A\n\n## B").html == "<h2>A</h2>\n<h3>B</h3>\n")
    #expect(render("## A\n\n### B").html == "<h2>A</h2>\n<h3>B</h3>\n")
    #expect(render("### A").html == "<h2>A</h2>\n")
  }

  @Test func tablesAreLabelledScrollingRegionsWithoutObsoleteAttributes() {
    let html = MarkdownRenderer.render(
      "| a | b |\n|--:|:-:|\n| 1 | 2 |", allowRawHTML: false, tableLabel: "Tabel"
    ) {
      "kreds-link:\($0)"
    }.html
    #expect(
      html.hasPrefix(
        "<div class=\"table-wrap\" role=\"region\" aria-label=\"Tabel\" tabindex=\"0\"><table>"))
    #expect(!html.contains(" align="))
    // Classes, not style attributes: the pages' Content Security Policy allows no inline style.
    #expect(!html.contains(" style="))
    #expect(html.contains("<th class=\"align-right\">a</th>"))
    #expect(html.contains("<td class=\"align-center\">2</td>"))
  }
}
