import Foundation
import FuzzSupport
import KredsSite

/// Where the input lands, picked by its first byte: one path per kind of content file.
let paths = [
  "networks/groent/events/2026-09-16-moede.md",
  "networks/groent/stories/historie.md",
  "networks/groent/index.md",
  "networks/groent/newsletters/2026-11-20-nyt.md",
  "pages/om.md",
  "events/2026-06-11-sommermoede.md",
  "stories/historie.md",
  "newsletters/2026-11-20-nyt.md",
]

let settingsFile = SourceFile(
  path: "site.yaml",
  bytes: Array(
    """
    title: Erhvervsnetværk Fyn
    base_url: https://netvaerk.example.dk/
    language: da
    timezone: Europe/Copenhagen
    organisation:
      name: Fynsk Netværkssekretariat
      email: netvaerk@example.dk
    newsletter_upcoming_days: 60
    """.utf8))

/// A network, a page and a media file that the fuzzed file may refer to.
let neighbours = [
  SourceFile(
    path: "networks/groent/index.md",
    bytes: Array(
      "---\ntitle: Grønt netværk\nsummary: Virksomheder på Fyn\n---\nOm netværket.\n".utf8)),
  SourceFile(
    path: "pages/kontakt.md", bytes: Array("---\ntitle: Kontakt\n---\nSkriv til os.\n".utf8)),
  SourceFile(path: "media/logo.png", bytes: []),
]

let now = Date(timeIntervalSince1970: 1_795_431_600)  // 2026-11-23 12:00 Copenhagen

/// A whole content file: decoding, front matter, YAML, the kind's parser and the Markdown body,
/// then the resolve step with a small site around it (references, links, series expansion).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let path = paths[Int(data[0]) % paths.count]
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  let settings = ContentParser.parseSettings(settingsFile)
  guard case .settings(let siteSettings)? = settings.item else {
    preconditionFailure("the fixed site.yaml does not parse: \(settings.diagnostics)")
  }
  let parsed = ContentParser.parse(SourceFile(path: path, bytes: bytes), settings: siteSettings)
  checkPositions(parsed.diagnostics, in: bytes)

  let others = neighbours.filter { $0.path != path }.map {
    ContentParser.parse($0, settings: siteSettings)
  }
  let (_, diagnostics) = SiteResolver.resolve(
    [settings] + others + [parsed], options: SiteResolver.Options(now: now))
  checkPositions(diagnostics.filter { $0.file == path }, in: bytes)
  return 0
}
