/// One file of the built site.
public struct OutputFile: Sendable {
  public enum Content: Sendable {
    case bytes([UInt8])
    /// Copied unchanged from the content folder (media), by its path there.
    case contentFile(String)
    /// An animated GIF or WebP of the content folder, copied frame for frame without its
    /// metadata (EXIF, XMP, comments).
    case animation(String)
    /// Made from a raster image of the content folder by the writer (libvips), without its
    /// metadata.
    case image(ImageVariant)
  }

  /// Relative to the output folder, with `/` separators.
  public var path: String
  public var content: Content

  public init(path: String, content: Content) {
    self.path = path
    self.content = content
  }

  public init(path: String, text: String) {
    self.init(path: path, content: .bytes(Array(text.utf8)))
  }
}
