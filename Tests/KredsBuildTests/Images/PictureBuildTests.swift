import Foundation
import KredsImages
import Testing

@testable import KredsBuild
@testable import KredsSite

/// Pictures end to end (issue 18): a phone photo stored sideways with a GPS position
/// (Tests/Fixtures/images/phone.jpg) shown on a story, in its body and linked as a download.
@Suite struct PictureBuildTests {
  static let images = Fixtures.repository.appendingPathComponent("Tests/Fixtures/images")

  /// A small site whose story shows `media/foto/phone.jpg` in all three ways.
  static func site() throws -> (folder: URL, content: URL) {
    let folder = try Fixtures.temporaryFolder()
    let content = folder.appendingPathComponent("content")
    let stories = content.appendingPathComponent("networks/net/stories")
    try FileManager.default.createDirectory(at: stories, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: content.appendingPathComponent("media/foto"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: images.appendingPathComponent("phone.jpg"),
      to: content.appendingPathComponent("media/foto/phone.jpg"))
    try "title: Net\nbase_url: https://example.dk/\n".write(
      to: content.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
    try "---\ntitle: Net\nsummary: Et netværk.\n---\n".write(
      to: content.appendingPathComponent("networks/net/index.md"), atomically: true,
      encoding: .utf8)
    try """
    ---
    title: Besøg på fabrikken
    date: 2026-11-01
    image: media/foto/phone.jpg
    image_alt: Produktionshallen set fra indgangen
    ---

    ![Produktionshallen](../../../media/foto/phone.jpg)

    [Hent billedet](../../../media/foto/phone.jpg)
    """.write(
      to: stories.appendingPathComponent("besoeg.md"), atomically: true, encoding: .utf8)
    return (folder, content)
  }

  static func build(_ content: URL, output: URL, cache: URL?) throws -> SiteBuilder.Report {
    var options = Fixtures.options(content: content, output: output)
    options.imageCacheFolder = cache
    return try SiteBuilder.run(options)
  }

  @Test func everyPublishedPictureIsUprightAndBare() throws {
    let (folder, content) = try Self.site()
    let output = folder.appendingPathComponent("site")
    let report = try Self.build(content, output: output, cache: nil)
    #expect(report.errorCount == 0)
    // The GPS position is one warning, at the first use (the image line), naming the others
    // (the body image, the link) and the history.
    let warnings = report.diagnostics.filter { $0.message.contains("GPS position") }
    #expect(warnings.map(\.location.line) == [4])
    #expect(warnings.first?.message.hasSuffix("It is also used at line 8, line 10.") == true)
    #expect(warnings.first?.message.contains("kreds strip-location media/foto/phone.jpg") == true)
    #expect(warnings.first?.message.contains("keeps its position in the git history") == true)

    let media = output.appendingPathComponent("media/foto")
    let names = try FileManager.default.contentsOfDirectory(atPath: media.path).sorted()
    #expect(names == ["phone.1200x630.jpg", "phone.120w.jpg", "phone.120w.webp", "phone.jpg"])
    for name in names {
      let bytes = [UInt8](try Data(contentsOf: media.appendingPathComponent(name)))
      let header = try ImageCodec.header(of: bytes).get()
      #expect(!header.hasLocation, "\(name)")
      #expect(header.orientation == 1, "\(name)")
      if !name.contains("1200x630") { #expect(header.width == 120 && header.height == 160) }
      let text = String(decoding: bytes, as: UTF8.self)
      #expect(!text.contains("Exif") && !text.contains("XMP"), "\(name)")
    }
    let page = try String(
      contentsOf: output.appendingPathComponent("historier/besoeg/index.html"), encoding: .utf8)
    #expect(
      page.contains(
        "<img src=\"/media/foto/phone.120w.jpg\" srcset=\"/media/foto/phone.120w.jpg 120w\""))
    #expect(page.contains("width=\"120\" height=\"160\""))
    #expect(
      page.contains("<source type=\"image/webp\" srcset=\"/media/foto/phone.120w.webp 120w\""))
    #expect(page.contains("href=\"/media/foto/phone.jpg\""))
    #expect(
      page.contains(
        "<meta property=\"og:image\" content=\"https://example.dk/media/foto/phone.1200x630.jpg\">")
    )
    // Every <img> has its size.
    for tag in page.split(separator: "<img ").dropFirst() {
      let attributes = tag.prefix(while: { $0 != ">" })
      #expect(attributes.contains("width=\"") && attributes.contains("height=\""))
    }
  }

  @Test func theCacheGivesTheSameBytesAndIsRemadeWhenDamaged() throws {
    let (folder, content) = try Self.site()
    let cache = folder.appendingPathComponent("cache")
    let uncached = folder.appendingPathComponent("uncached")
    let cold = folder.appendingPathComponent("cold")
    let warm = folder.appendingPathComponent("warm")
    let again = folder.appendingPathComponent("again")
    _ = try Self.build(content, output: uncached, cache: nil)
    let coldReport = try Self.build(content, output: cold, cache: cache)
    let entries = try FileManager.default.contentsOfDirectory(
      atPath: cache.appendingPathComponent("images").path)
    // The download is the 120 px JPEG too: three entries for four files.
    #expect(entries.count == 3)
    // Two pages may ask for the same variant at once and both make it: at least one each.
    #expect(coldReport.picturesMade >= 3)
    // A second run with the cache makes no picture (what CI's restored cache is for).
    let warmReport = try Self.build(content, output: again, cache: cache)
    #expect(warmReport.picturesMade == 0)
    #expect(warmReport.picturesFromCache == coldReport.picturesMade + coldReport.picturesFromCache)
    // Damage every entry: each is ignored and made again.
    for entry in entries {
      try Data("kreds-image-1 damaged".utf8).write(
        to: cache.appendingPathComponent("images/\(entry)"))
    }
    let remade = try Self.build(content, output: warm, cache: cache)
    #expect(remade.picturesMade >= 3)
    #expect(Fixtures.tree(uncached) == Fixtures.tree(cold))
    #expect(Fixtures.tree(cold) == Fixtures.tree(warm))
    #expect(Fixtures.tree(cold) == Fixtures.tree(again))
  }

  @Test func aDamagedPictureLeavesThePreviousSite() throws {
    let (folder, content) = try Self.site()
    let output = folder.appendingPathComponent("site")
    _ = try Self.build(content, output: output, cache: nil)
    let before = Fixtures.tree(output)
    try FileManager.default.copyItem(
      at: Self.images.appendingPathComponent("truncated.jpg"),
      to: content.appendingPathComponent("media/foto/cut.jpg"))
    let story = content.appendingPathComponent("networks/net/stories/besoeg.md")
    let text = try String(contentsOf: story, encoding: .utf8)
    try text.replacingOccurrences(
      of: "image: media/foto/phone.jpg", with: "image: media/foto/cut.jpg"
    )
    .write(to: story, atomically: true, encoding: .utf8)
    let report = try Self.build(content, output: output, cache: nil)
    let errors = report.diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1)
    #expect(errors.first?.location.line == 4)
    #expect(errors.first?.message.contains("damaged or incomplete JPEG") == true)
    #expect(Fixtures.tree(output) == before)
  }

  /// A PNG original (a logo: flat colours, sharp edges) is published as PNG and lossless WebP,
  /// never as JPEG, in the page and in the email (issue 29, point 3).
  @Test func aPNGLogoStaysLossless() throws {
    let (folder, content) = try Self.site()
    try FileManager.default.copyItem(
      at: Self.images.appendingPathComponent("logo.png"),
      to: content.appendingPathComponent("media/foto/logo.png"))
    let story = content.appendingPathComponent("networks/net/stories/besoeg.md")
    let text = try String(contentsOf: story, encoding: .utf8)
    try (text + "\n![Logoet](../../../media/foto/logo.png)\n").write(
      to: story, atomically: true, encoding: .utf8)
    let output = folder.appendingPathComponent("site")
    let report = try Self.build(content, output: output, cache: nil)
    #expect(report.errorCount == 0)
    let media = try FileManager.default.contentsOfDirectory(
      atPath: output.appendingPathComponent("media/foto").path)
    let logos = media.filter { $0.hasPrefix("logo.") }.sorted()
    #expect(logos == ["logo.1200x630.png", "logo.64w.png", "logo.64w.webp"], "\(logos)")
    let webp = try [UInt8](
      Data(contentsOf: output.appendingPathComponent("media/foto/logo.64w.webp")))
    // A lossless WebP holds a VP8L bitstream; a lossy one would hold "VP8 ".
    let chunks = String(decoding: webp.prefix(64), as: UTF8.self)
    #expect(chunks.contains("VP8L") && !chunks.contains("VP8 "), "\(webp.prefix(40))")
    let page = try String(
      contentsOf: output.appendingPathComponent("historier/besoeg/index.html"), encoding: .utf8)
    #expect(page.contains("logo.64w.png") && !page.contains("logo.64w.jpg"))
  }

  /// Animations are published frame for frame, without their metadata: a GIF's comment and XMP
  /// (which holds a GPS position here), a WebP's EXIF and XMP (issue 29, point 4).
  @Test func animationsArePublishedWithoutMetadata() throws {
    let (folder, content) = try Self.site()
    for name in ["anim.gif", "anim.webp"] {
      try FileManager.default.copyItem(
        at: Self.images.appendingPathComponent(name),
        to: content.appendingPathComponent("media/foto/\(name)"))
    }
    let story = content.appendingPathComponent("networks/net/stories/besoeg.md")
    let text = try String(contentsOf: story, encoding: .utf8)
    try
      (text
      + "\n![Blink](../../../media/foto/anim.gif)\n\n![Blink](../../../media/foto/anim.webp)\n")
      .write(to: story, atomically: true, encoding: .utf8)
    let output = folder.appendingPathComponent("site")
    let report = try Self.build(content, output: output, cache: nil)
    #expect(report.errorCount == 0, "\(report.diagnostics)")
    func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }
    func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
      let target = Array(needle.utf8)
      guard haystack.count >= target.count else { return false }
      return (0...(haystack.count - target.count)).contains {
        haystack[$0..<($0 + target.count)].elementsEqual(target)
      }
    }
    let gifIn = try bytes(Self.images.appendingPathComponent("anim.gif"))
    let gif = try bytes(output.appendingPathComponent("media/foto/anim.gif"))
    #expect(!contains(gif, "Taget paa") && !contains(gif, "XMP DataXMP") && !contains(gif, "GPS"))
    #expect(contains(gif, "NETSCAPE2.0"), "the loop stays")
    #expect(try ImageCodec.header(of: gif).get().frames == 2)
    // Only the two extensions went: the frames are the same bytes.
    #expect(gif.count < gifIn.count && gif.suffix(60) == gifIn.suffix(60))
    let webp = try bytes(output.appendingPathComponent("media/foto/anim.webp"))
    #expect(!contains(webp, "EXIF") && !contains(webp, "XMP ") && !contains(webp, "Redaktionen"))
    #expect(try ImageCodec.header(of: webp).get().frames == 2)
    let frames = (0..<(webp.count - 4)).filter { webp[$0..<($0 + 4)].elementsEqual("ANMF".utf8) }
    #expect(frames.count == 2)
  }
}
