import Foundation

/// The files and markup of a raster image that a page shows: a few widths, in WebP and in JPEG,
/// never wider than the original. A PNG original (a logo, a drawing, a screenshot) keeps every
/// pixel: PNG and lossless WebP; so does a transparent picture's fallback, as PNG.
public struct ResponsiveImage: Hashable, Sendable {
  public static let widths = [480, 960, 1600]
  /// The picture in a newsletter email: the layout is 600 px wide.
  public static let emailWidth = 600
  /// What Facebook and LinkedIn show beside a shared link.
  public static let sharing = (width: 1200, height: 630)

  public var source: String
  public var image: RasterImage

  public init(source: String, image: RasterImage) {
    self.source = source
    self.image = image
  }

  /// The widths made: those of ``widths`` narrower than the original, and the original's own
  /// width when it is narrower than the smallest or falls between.
  public var madeWidths: [Int] {
    let narrower = Self.widths.filter { $0 < image.width }
    return narrower.count < Self.widths.count ? narrower + [image.width] : narrower
  }

  /// PNG in, PNG out: flat colours and text would blur in JPEG. A photo saved as PNG is
  /// published as a photo (``RasterImage/isPhotographic``).
  public var keepsEveryPixel: Bool { image.format == "png" && !image.isPhotographic }

  public var fallbackFormat: ImageVariant.Format {
    image.hasAlpha || keepsEveryPixel ? .png : .jpeg
  }

  public func variants(_ format: ImageVariant.Format) -> [ImageVariant] {
    madeWidths.map {
      ImageVariant(source: source, width: $0, format: format, lossless: keepsEveryPixel)
    }
  }

  /// The `src`: the fallback at 960 px, or the widest below that.
  public var fallback: ImageVariant {
    let width = madeWidths.last(where: { $0 <= 960 }) ?? madeWidths[0]
    return ImageVariant(source: source, width: width, format: fallbackFormat)
  }

  /// Mail programs show PNG too: a PNG original stays PNG in the email.
  public var email: ImageVariant {
    ImageVariant(
      source: source, width: min(Self.emailWidth, image.width),
      format: keepsEveryPixel ? .png : .jpeg)
  }

  public var sharingCrop: ImageVariant {
    ImageVariant(
      source: source, width: Self.sharing.width, cropHeight: Self.sharing.height,
      format: keepsEveryPixel ? .png : .jpeg)
  }

  /// Every file made for the image.
  public var allVariants: [ImageVariant] {
    var all = variants(.webp) + variants(fallbackFormat)
    for extra in [email, sharingCrop] where !all.contains(extra) { all.append(extra) }
    return all
  }

  /// The displayed height at `width`, rounded as browsers do.
  public func height(atWidth width: Int) -> Int {
    Self.height(ofWidth: image.width, height: image.height, scaledTo: width)
  }

  /// The height of a `width`×`height` picture shown `scaledWidth` wide, at least 1.
  package static func height(ofWidth width: Int, height: Int, scaledTo scaledWidth: Int) -> Int {
    max(1, Int((Double(height) * Double(scaledWidth) / Double(width)).rounded()))
  }

  /// The path without its extension: `media/foto/kaffe.jpg` → `media/foto/kaffe`.
  package static func stem(of path: String) -> String {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
    return String(path[..<dot])
  }
}
