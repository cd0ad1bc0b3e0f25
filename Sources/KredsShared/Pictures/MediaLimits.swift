/// The limits on media files (docs/CONTENT.md, "Pictures").
public enum MediaLimits {
  public static let maximumBytes = 25 * 1024 * 1024
  public static let maximumPixels = 50_000_000
  public static let maximumAnimationBytes = 5 * 1024 * 1024
  /// A PNG that takes more bytes than this for each pixel is a photo, not a logo or a drawing:
  /// flat colours compress to a tenth of a byte or less, a photo to one byte or more.
  public static let photographicBytesPerPixel = 0.5
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
