import CVipsShim

/// What an image file's header says, read without decoding its pixels.
public struct ImageHeader: Hashable, Sendable {
  /// As displayed: with the EXIF orientation applied.
  public var width: Int
  public var height: Int
  public var hasAlpha: Bool
  /// Frames of an animation; 1 for a still image.
  public var frames: Int
  /// EXIF orientation, 1 (as stored) to 8.
  public var orientation: Int
  /// The metadata holds a GPS position.
  public var hasLocation: Bool
  /// The format libvips recognised, from its loader's name: "jpeg", "png", "webp", "gif",
  /// "tiff", "heif", … .
  public var format: String
}

/// The encodings Kreds publishes.
public enum EncodedFormat: Sendable {
  case jpeg, png, webp
  /// WebP that keeps every pixel, for PNG originals.
  case webpLossless
}

/// Why libvips could not read or make an image, in its own words.
public struct ImageCodecError: Error, Hashable, Sendable {
  public var message: String
}

/// Images through libvips: the only Swift code that calls it.
public enum ImageCodec {
  /// The version of the libvips loaded at run time, e.g. "8.14.1".
  public static var libraryVersion: String { String(cString: kreds_vips_version()) }

  /// The header of `bytes`, or why it cannot be read.
  public static func header(of bytes: [UInt8]) -> Result<ImageHeader, ImageCodecError> {
    var header = kreds_image_header()
    var error = [CChar](repeating: 0, count: 512)
    let status = bytes.withUnsafeBytes { buffer in
      kreds_image_read_header(buffer.baseAddress, buffer.count, &header, &error, error.count)
    }
    guard status == 0 else { return .failure(ImageCodecError(message: message(error))) }
    let loader = withUnsafeBytes(of: header.loader) { raw in
      String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
    }
    return .success(
      ImageHeader(
        width: Int(header.width), height: Int(header.height), hasAlpha: header.has_alpha != 0,
        frames: max(1, Int(header.pages)), orientation: Int(header.orientation),
        hasLocation: header.has_gps != 0, format: format(ofLoader: loader)))
  }

  /// `bytes` decoded whole, turned upright, scaled down to `width` (never up), or cropped to
  /// exactly `width`×`cropHeight` around its most interesting part, and encoded as `format`
  /// with no metadata at all. A damaged or truncated image is an error.
  public static func variant(
    of bytes: [UInt8], width: Int, cropHeight: Int? = nil, format: EncodedFormat, quality: Int
  ) -> Result<[UInt8], ImageCodecError> {
    var output: UnsafeMutableRawPointer?
    var length = 0
    var error = [CChar](repeating: 0, count: 512)
    let encoded: kreds_format
    switch format {
    case .jpeg: encoded = KREDS_FORMAT_JPEG
    case .png: encoded = KREDS_FORMAT_PNG
    case .webp: encoded = KREDS_FORMAT_WEBP
    case .webpLossless: encoded = KREDS_FORMAT_WEBP_LOSSLESS
    }
    let status = bytes.withUnsafeBytes { buffer in
      kreds_image_make_variant(
        buffer.baseAddress, buffer.count, Int32(width), Int32(cropHeight ?? 0), encoded,
        Int32(quality), &output, &length, &error, error.count)
    }
    guard status == 0, let output else {
      return .failure(ImageCodecError(message: message(error)))
    }
    defer { kreds_image_free(output) }
    let encodedBytes = Array(UnsafeRawBufferPointer(start: output, count: length))
    let isWebP = format == .webp || format == .webpLossless
    return .success(isWebP ? WebPContainer.removingMetadata(encodedBytes) : encodedBytes)
  }

  /// The loader's class, "VipsForeignLoadJpegBuffer", as a format name, "jpeg".
  static func format(ofLoader loader: String) -> String {
    var name = Substring(loader)
    if name.hasPrefix("VipsForeignLoad") { name = name.dropFirst("VipsForeignLoad".count) }
    if name.hasSuffix("Buffer") { name = name.dropLast("Buffer".count) }
    let format = name.lowercased()
    // libvips reads GIF with libnsgif.
    return format == "nsgif" ? "gif" : format
  }

  private static func message(_ error: [CChar]) -> String {
    let text = String(
      decoding: error.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return text.isEmpty ? "libvips gave no reason" : text
  }
}
