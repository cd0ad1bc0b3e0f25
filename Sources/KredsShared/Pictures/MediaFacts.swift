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
