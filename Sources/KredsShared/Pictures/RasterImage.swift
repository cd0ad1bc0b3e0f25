/// A raster image in `media/`, as its header and a trial decode found it.
public struct RasterImage: Hashable, Sendable {
  /// libvips' name for it: "jpeg", "png", "webp", "gif", "tiff", "heif".
  public var format: String
  public var width: Int
  public var height: Int
  public var hasAlpha: Bool
  public var frames: Int
  /// The original's metadata holds a GPS position (the published variants never do).
  public var hasLocation: Bool
  /// The original's bytes for each pixel (its file size over width × height): a PNG of a photo
  /// takes more than ``MediaLimits/photographicBytesPerPixel``, a logo or a drawing far less.
  public var bytesPerPixel: Double

  public init(
    format: String, width: Int, height: Int, hasAlpha: Bool, frames: Int, hasLocation: Bool,
    bytesPerPixel: Double = 0
  ) {
    self.format = format
    self.width = width
    self.height = height
    self.hasAlpha = hasAlpha
    self.frames = frames
    self.hasLocation = hasLocation
    self.bytesPerPixel = bytesPerPixel
  }

  /// A photo saved as PNG (a screenshot of one, an export): published as a photo, since a
  /// lossless copy of it would weigh megabytes on a phone.
  public var isPhotographic: Bool {
    format != "png" || bytesPerPixel > MediaLimits.photographicBytesPerPixel
  }

  /// Browsers show it as it is published: every format but TIFF and HEIF/AVIF.
  public var isWebFormat: Bool { ["jpeg", "png", "webp", "gif"].contains(format) }
  public var isAnimated: Bool { frames > 1 }
}
