import Foundation
import KredsImages
import KredsSite

/// Reads every picture and drawing of `media/` before the resolve step (issue 18): the size of
/// each raster image from its header, a refusal before decoding for files too large or with too
/// many pixels, and a trial decode of the smallest variant (kept in the ``ImageStore``, so the
/// build that follows finds it made), so that a damaged picture is an error at the line that
/// uses it and never a half-written site.
enum MediaInspector {
  static let allowedFormats: Set<String> = ["jpeg", "png", "webp", "gif", "tiff", "heif"]

  static func inspect(paths: [String], contentFolder: URL, store: ImageStore) -> [String:
    MediaFacts]
  {
    let inspected = paths.filter {
      let fileExtension = MediaLimits.fileExtension($0)
      return fileExtension == "svg" || MediaLimits.rasterExtensions.contains(fileExtension)
    }
    let facts = Parallel.map(inspected) { path in
      inspect(path: path, contentFolder: contentFolder, store: store)
    }
    return Dictionary(zip(inspected, facts), uniquingKeysWith: { first, _ in first })
  }

  static func inspect(path: String, contentFolder: URL, store: ImageStore) -> MediaFacts {
    let url = contentFolder.appendingPathComponent(path)
    let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    if size > MediaLimits.maximumBytes {
      return .refused(
        reason:
          "it is \(megabytes(size)) and a picture can be at most \(megabytes(MediaLimits.maximumBytes))",
        line: nil)
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return .refused(reason: "it cannot be read", line: nil)
    }
    let bytes = [UInt8](data)
    if MediaLimits.fileExtension(path) == "svg" { return SVGInspection.inspect(bytes) }
    return inspectRaster(path: path, bytes: bytes, contentFolder: contentFolder, store: store)
  }

  private static func inspectRaster(
    path: String, bytes: [UInt8], contentFolder: URL, store: ImageStore
  ) -> MediaFacts {
    let header: ImageHeader
    switch ImageCodec.header(of: bytes) {
    case .failure:
      if let format = formatFromSignature(bytes) {
        return .refused(
          reason: "it is a damaged or incomplete \(format) file (\(bytes.count) bytes)", line: nil)
      }
      return .refused(
        reason: "it is not a picture that can be read (the file holds \(describe(bytes)))",
        line: nil)
    case .success(let read): header = read
    }
    guard allowedFormats.contains(header.format) else {
      return .refused(
        reason:
          "it is a \(header.format.uppercased()) file, and pictures must be JPEG, PNG, WebP, GIF, TIFF or HEIC",
        line: nil)
    }
    let pixels = header.width * header.height
    if pixels > MediaLimits.maximumPixels {
      return .refused(
        reason:
          "it is \(header.width)×\(header.height) pixels (\(pixels / 1_000_000) megapixels) and a picture can have at most \(MediaLimits.maximumPixels / 1_000_000) megapixels",
        line: nil)
    }
    if header.frames > 1, bytes.count > MediaLimits.maximumAnimationBytes {
      return .refused(
        reason:
          "it is an animation of \(megabytes(bytes.count)), and an animation can be at most \(megabytes(MediaLimits.maximumAnimationBytes)); make it shorter or smaller, or use a still picture",
        line: nil)
    }
    let image = RasterImage(
      format: header.format, width: header.width, height: header.height,
      hasAlpha: header.hasAlpha, frames: header.frames, hasLocation: header.hasLocation,
      bytesPerPixel: Double(bytes.count) / Double(max(1, pixels)))
    if !image.isAnimated {
      let trial = ResponsiveImage(source: path, image: image).variants(.webp)[0]
      if case .failure(let error) = store.bytes(
        of: trial, contentFolder: contentFolder, sourceBytes: bytes)
      {
        return .refused(
          reason: "it is a damaged \(header.format.uppercased()) file (\(error.description))",
          line: nil)
      }
    }
    return .raster(image)
  }

  /// The format a file's first bytes announce, when they are a picture's.
  static func formatFromSignature(_ bytes: [UInt8]) -> String? {
    if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "JPEG" }
    if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "PNG" }
    if bytes.starts(with: Array("GIF8".utf8)) { return "GIF" }
    if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)),
      bytes[8..<12].elementsEqual("WEBP".utf8)
    {
      return "WebP"
    }
    if bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A])
    {
      return "TIFF"
    }
    if bytes.count >= 12, bytes[4..<8].elementsEqual("ftyp".utf8) { return "HEIF" }
    return nil
  }

  /// What a file that is not a picture holds, in a few words.
  static func describe(_ bytes: [UInt8]) -> String {
    if bytes.isEmpty { return "nothing: it is empty" }
    if bytes.starts(with: Array("%PDF".utf8)) { return "a PDF document" }
    if bytes.starts(with: Array("PK".utf8)) { return "a ZIP archive or an Office document" }
    let text = bytes.prefix(512).allSatisfy { $0 == 9 || $0 == 10 || $0 == 13 || $0 >= 32 }
    let count = bytes.count == 1 ? "1 byte" : "\(bytes.count) bytes"
    return text ? "\(count) of text" : "\(count) in an unknown format"
  }

  private static func megabytes(_ bytes: Int) -> String { ContentDiscovery.megabytes(bytes) }
}
