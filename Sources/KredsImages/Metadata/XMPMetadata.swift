import Foundation

/// XMP packets (XML text), edited as text: the GPS properties of the EXIF schema
/// (`exif:GPSLatitude`, written as attributes or as elements, also inside structures such as
/// `Iptc4xmpExt:LocationShown`) are taken out, and nothing else is changed.
enum XMPMetadata {
  private static let attribute = try? NSRegularExpression(
    pattern: #"\s+[A-Za-z][\w.-]*:GPS\w*\s*=\s*("[^"]*"|'[^']*')"#, options: [.caseInsensitive])
  private static let emptyElement = try? NSRegularExpression(
    pattern: #"<([A-Za-z][\w.-]*:GPS\w*)\b[^>]*/>"#, options: [.caseInsensitive])
  private static let element = try? NSRegularExpression(
    pattern: #"<([A-Za-z][\w.-]*:GPS\w*)\b[^>]*>.*?</\1\s*>"#,
    options: [.caseInsensitive, .dotMatchesLineSeparators])

  /// Whether the packet names a GPS property.
  static func hasLocation(_ packet: [UInt8]) -> Bool {
    let text = String(decoding: packet, as: UTF8.self)
    return [attribute, emptyElement, element].contains { expression in
      expression?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
  }

  /// The packet without its GPS properties.
  static func removingLocation(_ packet: [UInt8]) throws(MetadataRemovalError) -> [UInt8] {
    guard let attribute, let emptyElement, let element else {
      throw .damaged("the XMP patterns could not be made")
    }
    guard hasLocation(packet) else { return packet }
    var text = String(decoding: packet, as: UTF8.self)
    for expression in [element, emptyElement, attribute] {
      text = expression.stringByReplacingMatches(
        in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
    }
    return Array(text.utf8)
  }
}
