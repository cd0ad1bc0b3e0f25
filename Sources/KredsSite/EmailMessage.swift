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

// MARK: - Headers

extension EmailMessage {
  /// `Name: value` for free text such as `Subject`, folded at spaces; encoded-words when the
  /// text is not plain ASCII or will not fold into short enough lines.
  static func unstructuredHeader(_ name: String, _ value: String) -> String {
    let clean = singleLine(value)
    let prefix = name + ":"
    // Plain text holding "=?" could be taken for an encoded-word by a reader, so it is encoded.
    if isPlainHeaderText(clean), !clean.contains("=?"), let folded = fold(prefix, [clean]) {
      return folded
    }
    let words = encodedWords(clean, firstLineRoom: maximumLineOctets - prefix.utf8.count - 1)
    return fold(prefix, [words.joined(separator: " ")]) ?? prefix + " "
      + words.joined(separator: " ")
  }

  /// `Name: Display Name <address>, ...` folded at spaces.
  static func addressHeader(_ name: String, _ mailboxes: [Mailbox]) -> String {
    let prefix = name + ":"
    func pieces(encodingNames: Bool) -> [String] {
      var pieces: [String] = []
      for (index, mailbox) in mailboxes.enumerated() {
        let separator = index < mailboxes.count - 1 ? "," : ""
        let displayName = singleLine(mailbox.name)
        // A line break in an address would let it add headers of its own.
        let address = singleLine(mailbox.address).filter { $0 != " " }
        if displayName.isEmpty {
          pieces.append(address + separator)
          continue
        }
        let room =
          pieces.isEmpty ? maximumLineOctets - prefix.utf8.count - 1 : maximumLineOctets - 1
        pieces.append(phrase(displayName, firstLineRoom: room, encoded: encodingNames))
        pieces.append("<\(address)>" + separator)
      }
      return pieces
    }
    // Quoting can make a word too long to fold; encoded-words always fold. An address longer
    // than a line cannot be folded at all, and RFC 5322 still allows it up to 998 octets.
    let plain = pieces(encodingNames: false)
    if let folded = fold(prefix, plain) { return folded }
    let encoded = pieces(encodingNames: true)
    return fold(prefix, encoded) ?? prefix + " " + encoded.joined(separator: " ")
  }

  /// A display name as an RFC 5322 phrase: atoms as they are, other ASCII quoted, anything else
  /// (or anything too long to fold, or when `encoded`) as encoded-words.
  static func phrase(_ name: String, firstLineRoom: Int, encoded: Bool = false) -> String {
    guard isPlainHeaderText(name), !encoded else {
      return encodedWords(name, firstLineRoom: firstLineRoom).joined(separator: " ")
    }
    let isAtoms = name.unicodeScalars.allSatisfy { $0 == " " || isAtext($0) }
    // "=?" would read as the start of an encoded-word; inside quotes it is left alone (RFC 2047
    // section 5).
    if isAtoms && !name.contains("=?") { return name }
    var quoted = "\""
    for scalar in name.unicodeScalars {
      if scalar == "\"" || scalar == "\\" { quoted += "\\" }
      quoted.unicodeScalars.append(scalar)
    }
    return quoted + "\""
  }

  /// ASCII without controls, with no word too long for a folded line.
  private static func isPlainHeaderText(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
      && text.split(separator: " ").allSatisfy { $0.utf8.count <= maximumLineOctets - 2 }
  }

  /// RFC 5322 atext.
  private static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9": return true
    default: return "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }
  }

  /// One line of text: a line break in a header would end it and start another header.
  private static func singleLine(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
      .joined(separator: " ")
      .filter { character in
        !character.unicodeScalars.contains { $0.properties.generalCategory == .control }
      }
  }

  /// `prefix` followed by the pieces joined with spaces, folded (CRLF before a space) so no line
  /// is over 78 octets; nil when a piece is too long for that.
  static func fold(_ prefix: String, _ pieces: [String]) -> String? {
    let words = pieces.joined(separator: " ").split(separator: " ", omittingEmptySubsequences: true)
    var lines: [String] = []
    var current = prefix
    for word in words {
      if current.utf8.count + 1 + word.utf8.count <= maximumLineOctets {
        current += " " + word
      } else {
        guard 1 + word.utf8.count <= maximumLineOctets else { return nil }
        lines.append(current)
        current = " " + word
      }
    }
    lines.append(current)
    return lines.joined(separator: "\r\n")
  }

  /// RFC 2047 `=?UTF-8?B?...?=` words for `text`, each at most 75 characters and each holding
  /// whole characters, so every word decodes to valid UTF-8 on its own as the RFC requires
  /// (section 5). The first word also fits in `firstLineRoom`, the room left after the header
  /// name, so the folded header needs no line over 78 octets.
  static func encodedWords(_ text: String, firstLineRoom: Int) -> [String] {
    let overhead = "=?UTF-8?B??=".utf8.count
    func capacity(_ room: Int) -> Int {
      // Base64 turns each 3 bytes into 4 characters; a word must hold at least one character
      // of 4 bytes.
      max(4, (min(room, 75) - overhead) / 4 * 3)
    }
    var units: [[UInt8]] = []
    for character in text {
      let bytes = Array(String(character).utf8)
      if bytes.count <= capacity(75) {
        units.append(bytes)
      } else {
        // A cluster too long for one word (long runs of combining marks) is split between its
        // scalars, which still keeps each word valid UTF-8.
        units += character.unicodeScalars.map { Array(String($0).utf8) }
      }
    }
    var words: [String] = []
    var chunk: [UInt8] = []
    var limit = capacity(firstLineRoom)
    for unit in units {
      if !chunk.isEmpty && chunk.count + unit.count > limit {
        words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
        chunk = []
        limit = capacity(maximumLineOctets - 1)
      }
      chunk += unit
    }
    if !chunk.isEmpty || words.isEmpty {
      words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
    }
    return words
  }

  /// RFC 5322 section 3.3 in UTC, such as `Thu, 01 Oct 2026 08:00:00 +0000`, computed by hand so
  /// neither the locale nor the time zone of the build machine can change it.
  static func rfc5322Date(_ date: Date) -> String {
    let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - days * 86_400
    // 1970-01-01 was a Thursday.
    let weekday = Int(((days + 4) % 7 + 7) % 7)
    let (year, month, day) = civilDate(daysSince1970: days)
    let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = [
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let hour = secondOfDay / 3600
    let minute = secondOfDay % 3600 / 60
    let second = secondOfDay % 60
    return "\(weekdays[weekday]), \(two(day)) \(months[Int(month) - 1]) \(year) "
      + "\(two(hour)):\(two(minute)):\(two(second)) +0000"
  }

  /// The proleptic Gregorian date of a day count (Howard Hinnant's `civil_from_days`).
  private static func civilDate(daysSince1970 days: Int64) -> (Int64, Int64, Int64) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  /// The host of an absolute URL, without user info or port.
  private static func urlHost(_ text: String) -> String? {
    guard let schemeEnd = text.range(of: "://") else { return nil }
    var authority = text[schemeEnd.upperBound...].prefix { !"/?#".contains($0) }
    if let at = authority.lastIndex(of: "@") {
      authority = authority[authority.index(after: at)...]
    }
    return String(authority.prefix { $0 != ":" })
  }

  /// `host` when it is a plain ASCII domain that may stand on the right of a Message-ID.
  private static func safeHost(_ host: String?) -> String? {
    guard let host = host?.lowercased(), !host.isEmpty else { return nil }
    let allowed = host.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-"
    }
    guard allowed, !host.hasPrefix("."), !host.hasSuffix("."), !host.contains("..") else {
      return nil
    }
    return host
  }
}

// MARK: - Body

extension EmailMessage {
  /// The most characters of an encoded line, soft-break `=` included (RFC 2045 section 6.7).
  static let maximumEncodedLineLength = 76

  /// `text` in quoted-printable (RFC 2045 section 6.7) as lines joined by CRLF. Each line break
  /// of the text (LF, CRLF or CR) becomes a hard break; longer lines get soft breaks, never
  /// inside an `=XX` escape; `=`, bytes outside printable ASCII and white space that would end a
  /// line are escaped.
  static func quotedPrintable(_ text: String) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count * 2)
    // Each line's tokens (a literal byte, or the escapes of one byte or one whole UTF-8
    // character) go into one buffer, with where each starts.
    var tokens: [UInt8] = []
    var starts: [Int] = []
    for (lineIndex, line) in hardLines(Array(text.utf8)).enumerated() {
      if lineIndex > 0 { output += [0x0D, 0x0A] }
      tokens.removeAll(keepingCapacity: true)
      starts.removeAll(keepingCapacity: true)
      for (index, byte) in line.enumerated() {
        let isLast = index == line.count - 1
        let isPrintable = (0x21...0x7E).contains(byte) && byte != UInt8(ascii: "=")
        // Trailing white space may be dropped in transport, so only inner space is literal.
        let isInnerSpace = (byte == 0x20 || byte == 0x09) && !isLast
        if isPrintable || isInnerSpace {
          starts.append(tokens.count)
          tokens.append(byte)
        } else if (0x80...0xBF).contains(byte), index > 0,
          line[line.startIndex + index - 1] >= 0x80
        {
          // The escapes of one UTF-8 character stay on one line. Splitting them would be valid
          // quoted-printable, but whole characters keep the encoded text readable.
          appendEscape(byte, to: &tokens)
        } else {
          starts.append(tokens.count)
          appendEscape(byte, to: &tokens)
        }
      }
      var lineLength = 0
      for (index, start) in starts.enumerated() {
        let end = index + 1 < starts.count ? starts[index + 1] : tokens.count
        // A line that continues needs room for its soft-break `=`.
        let limit =
          index == starts.count - 1 ? maximumEncodedLineLength : maximumEncodedLineLength - 1
        if lineLength + (end - start) > limit {
          output += [UInt8(ascii: "="), 0x0D, 0x0A]
          lineLength = 0
        }
        output += tokens[start..<end]
        lineLength += end - start
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// The lines of `bytes`, split at LF, CRLF and lone CR.
  private static func hardLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D {
        lines.append(bytes[start..<index])
        if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        start = index + 1
      }
      index += 1
    }
    lines.append(bytes[start..<bytes.count])
    return lines
  }

  private static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
    let digits: StaticString = "0123456789ABCDEF"
    digits.withUTF8Buffer { hex in
      bytes += [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
    }
  }
}

// MARK: - Hashing

extension EmailMessage {
  /// 64-bit FNV-1a: stable across runs and platforms (unlike `Hasher`, which is seeded per
  /// process) and needs no CryptoKit, which Linux lacks. Only uniqueness matters here, not
  /// resistance to attack.
  static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }

  /// 16 lower-case hex digits.
  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
