/// `List-Unsubscribe` (RFC 2369) and one-click unsubscribe (RFC 8058), which large mail services
/// require of bulk senders and show as an "Unsubscribe" button.
extension EmailMessage {
  /// How a reader leaves the list, from the site's `newsletter_unsubscribe`.
  struct Unsubscribe: Sendable, Equatable {
    /// An `https:`, `http:` or `mailto:` URI.
    var uri: String
    /// Whether the URI takes RFC 8058's one-click POST: only an `https:` address may.
    var oneClick: Bool

    /// The header value for `setting`: an https or http URL, a `mailto:` URI or a bare address.
    /// A mail tool's merge tag (`*|UNSUB|*`, `{{ UnsubscribeURL }}`) gives none: the mail tool
    /// that fills it in writes its own header.
    init?(setting: String) {
      let value = setting.trimmingCharacters(in: .whitespaces)
      // A URI in the header is delimited by angle brackets and may not hold white space,
      // quotes or brackets, nor anything but ASCII.
      guard !value.isEmpty,
        value.unicodeScalars.allSatisfy({
          $0.value > 0x20 && $0.value < 0x7F && !"<>\"".unicodeScalars.contains($0)
        })
      else { return nil }
      let lowered = value.lowercased()
      if lowered.hasPrefix("https://") {
        self.init(uri: value, oneClick: true)
      } else if lowered.hasPrefix("http://") || lowered.hasPrefix("mailto:") {
        self.init(uri: value, oneClick: false)
      } else if Self.isBareAddress(value) {
        self.init(uri: "mailto:" + value, oneClick: false)
      } else {
        return nil
      }
    }

    init(uri: String, oneClick: Bool) {
      self.uri = uri
      self.oneClick = oneClick
    }

    /// `afmeld@example.dk`: one `@` with text on both sides and a dot in the domain.
    private static func isBareAddress(_ value: String) -> Bool {
      let parts = value.split(separator: "@", omittingEmptySubsequences: false)
      return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
        && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
        && value.unicodeScalars.allSatisfy { !"|{}*".unicodeScalars.contains($0) }
    }

    /// The header lines, folded before the URI when it does not fit after the name.
    var headers: [String] {
      let prefix = "List-Unsubscribe:"
      let target = "<\(uri)>"
      var lines = [EmailMessage.fold(prefix, [target]) ?? prefix + " " + target]
      if oneClick { lines.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click") }
      return lines
    }
  }
}
