/// One image file the build makes from a raster image in `media/` (issue 18).
public struct ImageVariant: Hashable, Sendable {
  public enum Format: String, Hashable, Sendable {
    case jpeg = "jpg"
    case png
    case webp
  }

  /// The original, relative to the content folder.
  public var source: String
  /// The width to scale down to (never up); with `cropHeight`, the exact width of a crop.
  public var width: Int
  public var cropHeight: Int?
  public var format: Format
  /// Every pixel kept (PNG, and WebP made from a PNG original): logos, drawings and text stay
  /// sharp.
  public var isLossless: Bool

  public init(
    source: String, width: Int, cropHeight: Int? = nil, format: Format, lossless: Bool = false
  ) {
    self.source = source
    self.width = width
    self.cropHeight = cropHeight
    self.format = format
    self.isLossless = lossless || format == .png
  }

  /// Encoder quality: pictures on a phone screen, not archives.
  public var quality: Int {
    switch format {
    case .jpeg: cropHeight == nil ? 80 : 85
    case .webp: 75
    case .png: 100
    }
  }

  /// Where the variant is published, beside its original: `media/foto/kaffe.480w.webp`,
  /// `media/foto/kaffe.1200x630.jpg`.
  public var outputPath: String {
    let stem = ResponsiveImage.stem(of: source)
    if let cropHeight { return "\(stem).\(width)x\(cropHeight).\(format.rawValue)" }
    return "\(stem).\(width)w.\(format.rawValue)"
  }
}
