import FuzzSupport
import KredsSite

/// Where the input lands, picked by its first byte: `site.yaml` as it is, or the front matter of
/// each kind of content file, so that the kind's keys and value readers all see YAML.
let paths = [
  "site.yaml",
  "networks/groent/index.md",
  "networks/groent/events/moede.md",
  "networks/groent/stories/historie.md",
  "networks/groent/newsletters/nyt.md",
  "pages/om.md",
]

/// The front matter and YAML step alone: the input is the text between the `---` lines, and the
/// body is left empty so that time goes to decoding, YAML and the mapping readers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let path = paths[Int(data[0]) % paths.count]
  let yaml = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  let bytes = path == "site.yaml" ? yaml : Array("---\n".utf8) + yaml + Array("\n---\n".utf8)
  let parsed = ContentParser.parse(SourceFile(path: path, bytes: bytes), settings: nil)
  checkPositions(parsed.diagnostics, in: bytes)
  return 0
}
