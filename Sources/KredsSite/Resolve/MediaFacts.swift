/// What the build found in a file of `media/` by reading it (issue 18), handed to the resolve
/// step by the caller, which can read files and decode images.
public enum MediaFacts: Hashable, Sendable {
  /// A raster image that decodes: its size as displayed (orientation applied).
  case raster(RasterImage)
  /// An SVG drawing without active content, with its size when the file gives one.
  case drawing(width: Int?, height: Int?)
  /// A file that cannot be published: why, in words for the editor, and where in the file when
  /// that is known (a line of an SVG).
  case refused(reason: String, line: Int?)
}

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

  public init(
    format: String, width: Int, height: Int, hasAlpha: Bool, frames: Int, hasLocation: Bool
  ) {
    self.format = format
    self.width = width
    self.height = height
    self.hasAlpha = hasAlpha
    self.frames = frames
    self.hasLocation = hasLocation
  }

  /// Browsers show it as it is published: every format but TIFF and HEIF/AVIF.
  public var isWebFormat: Bool { ["jpeg", "png", "webp", "gif"].contains(format) }
  public var isAnimated: Bool { frames > 1 }
}

/// The limits on media files (docs/CONTENT.md, "Pictures").
public enum MediaLimits {
  public static let maximumBytes = 25 * 1024 * 1024
  public static let maximumPixels = 50_000_000
  public static let maximumAnimationBytes = 5 * 1024 * 1024
  /// Narrower than this, a picture at the top of a page is blurred on a wide screen.
  public static let minimumHeroWidth = 480
  /// File name extensions of raster images: read with libvips, published as variants.
  public static let rasterExtensions: Set<String> = [
    "jpg", "jpeg", "png", "webp", "gif", "tif", "tiff", "heic", "heif", "avif",
  ]
  /// Files a browser would run as a page or a script on the site's own origin.
  public static let activeExtensions: Set<String> = [
    "html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "xml", "xsl", "xslt", "svgz", "js",
    "mjs", "swf",
  ]

  /// The lower-cased extension of a path, "" when none.
  public static func fileExtension(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return name[name.index(after: dot)...].lowercased()
  }
}
