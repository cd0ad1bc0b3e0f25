/// Animations are published as they are, frame for frame, not made again: only their metadata
/// goes (EXIF, XMP, comments), which libvips would otherwise be needed to re-encode.
public enum AnimationMetadata {
  /// `bytes` of an animated GIF or WebP without its metadata; other bytes as they are.
  public static func removed(from bytes: [UInt8]) -> [UInt8] {
    if bytes.starts(with: Array("GIF8".utf8)) { return GIFContainer.removingMetadata(bytes) }
    if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)),
      bytes[8..<12].elementsEqual("WEBP".utf8)
    {
      return WebPContainer.removingMetadata(bytes)
    }
    return bytes
  }
}
