import KredsMarkdown

/// The Markdown step: cmark-gfm with Kreds' extensions, heading shift, link placeholders and
/// plain text. The first byte's lowest bit allows raw HTML, as `unsafe_html` in `site.yaml` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
  let document = MarkdownRenderer.render(
    text, allowRawHTML: data[0] & 1 == 1, tableLabel: "Tabel", placeholder: { "kreds-link:\($0)" })
  // cmark ends a line at LF, CR or CRLF.
  let lineCount = text.replacingOccurrences(of: "\r\n", with: "\n").utf8.reduce(1) {
    $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0)
  }
  for link in document.links {
    precondition(
      (1...lineCount).contains(link.line) && link.byteColumn >= 1,
      "link outside the text (\(lineCount) lines): line \(link.line), byte column \(link.byteColumn)"
    )
  }
  return 0
}
