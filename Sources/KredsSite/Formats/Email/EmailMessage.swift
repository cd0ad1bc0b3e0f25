import Foundation

/// A newsletter as a complete MIME message (`email.eml`, SITE.md "Newsletters"): RFC 5322
/// headers, a `multipart/alternative` body with a `text/plain` part then a `text/html` part,
/// both UTF-8 in quoted-printable, CRLF line ends and no line over 78 octets.
///
/// There is no `To` by default and the message carries `X-Unsent: 1`, so mail programs open it
/// as a draft the editor addresses and sends. The output depends only on the inputs: the
/// `Message-ID` comes from `messageIDSeed` and the MIME boundary from the content, so two builds
/// of the same newsletter write the same bytes.
struct EmailMessage: Sendable {
  /// A display name and an address, as in `From` and `To`.
  struct Mailbox: Sendable, Equatable {
    /// May be empty, and may hold any Unicode; it is encoded as RFC 2047 needs.
    var name: String
    /// The bare address (`kontakt@example.dk`), written as given.
    var address: String
  }

  var from: Mailbox
  /// Empty by default: the message is a draft the sender addresses.
  var to: [Mailbox] = []
  /// Any Unicode; runs of white space and line breaks become one space.
  var subject: String
  /// Written in UTC.
  var date: Date
  /// What makes the `Message-ID` unique and stable, such as the newsletter's absolute URL; its
  /// host, when it is a URL, becomes the id's right-hand side.
  var messageIDSeed: String
  var textBody: String
  var htmlBody: String
  /// The list's unsubscribe address, when the site has one a mail service can use.
  var unsubscribe: Unsubscribe? = nil

  /// The most octets of a line, not counting CRLF (RFC 5322 section 2.1.1 recommends 78).
  static let maximumLineOctets = 78

  /// The whole message, every line ended by CRLF.
  func rendered() -> String {
    let text = Self.quotedPrintable(textBody)
    let html = Self.quotedPrintable(htmlBody)
    let boundary = self.boundary(encodedParts: [text, html])

    var headers: [String] = []
    headers.append(Self.addressHeader("From", [from]))
    if !to.isEmpty { headers.append(Self.addressHeader("To", to)) }
    headers.append(Self.unstructuredHeader("Subject", subject))
    headers.append("Date: " + Self.rfc5322Date(date))
    headers.append("Message-ID: " + messageID)
    headers.append("MIME-Version: 1.0")
    headers += unsubscribe?.headers ?? []
    headers.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
    // Outlook, Thunderbird and Apple Mail open a message with this header as an unsent draft
    // rather than as received mail, which is what the editor wants from email.eml.
    headers.append("X-Unsent: 1")

    var lines = headers
    lines.append("")
    for (type, body) in [("text/plain", text), ("text/html", html)] {
      lines.append("--" + boundary)
      lines.append("Content-Type: \(type); charset=UTF-8")
      lines.append("Content-Transfer-Encoding: quoted-printable")
      lines.append("")
      lines.append(body)
    }
    lines.append("--" + boundary + "--")
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// `rendered()` as the bytes of the file.
  var bytes: [UInt8] { Array(rendered().utf8) }

  /// `<hex@host>`, the same for the same seed.
  var messageID: String {
    let left =
      Self.hex(Self.fnv1a(Array(messageIDSeed.utf8)))
      + Self.hex(Self.fnv1a(Array(("kreds-message-id:" + messageIDSeed).utf8)))
    let right =
      Self.safeHost(Self.urlHost(messageIDSeed))
      ?? Self.safeHost(from.address.split(separator: "@").last.map(String.init))
      ?? "kreds.invalid"
    return "<\(left)@\(right)>"
  }

  /// Whether the bytes of `needle` occur in `haystack`. A boundary must not occur as bytes
  /// (RFC 2046, 5.1.1); Foundation's `contains` compares characters, and takes longer than the
  /// rest of the message.
  static func containsBytes(_ haystack: String, _ needle: String) -> Bool {
    var haystack = haystack
    var needle = needle
    return haystack.withUTF8 { hay in
      needle.withUTF8 { pin in
        guard let first = pin.first else { return true }
        guard hay.count >= pin.count else { return false }
        var start = 0
        while start <= hay.count - pin.count {
          if hay[start] == first,
            UnsafeBufferPointer(rebasing: hay[start..<(start + pin.count)])
              .elementsEqual(pin)
          {
            return true
          }
          start += 1
        }
        return false
      }
    }
  }

  /// A boundary derived from the content and absent from every part. `=_` cannot occur in
  /// quoted-printable text (an `=` there is followed by hex digits or a line end), so the first
  /// candidate practically always wins; the loop covers the rule rather than a likely case.
  func boundary(encodedParts: [String]) -> String {
    var seed = Array(textBody.utf8) + [0] + Array(htmlBody.utf8) + [0] + Array(subject.utf8)
    var attempt: UInt8 = 0
    while true {
      let candidate = "=_kreds_" + Self.hex(Self.fnv1a(seed))
      let haystacks = [textBody, htmlBody] + encodedParts
      if !haystacks.contains(where: { Self.containsBytes($0, candidate) }) { return candidate }
      attempt &+= 1
      seed.append(attempt)
    }
  }
}
