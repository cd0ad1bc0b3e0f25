import Foundation

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
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - days * 86_400
    let day = LocalDate(daysSinceEpoch: days)
    let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    let months = [
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    let two = { (value: Int) in LocalDate.pad(value, 2) }
    return "\(weekdays[day.isoWeekday - 1]), \(two(day.day)) \(months[day.month - 1]) \(day.year) "
      + "\(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60)):\(two(secondOfDay % 60)) +0000"
  }

  /// The host of an absolute URL, without user info or port.
  static func urlHost(_ text: String) -> String? {
    guard let schemeEnd = text.range(of: "://") else { return nil }
    var authority = text[schemeEnd.upperBound...].prefix { !"/?#".contains($0) }
    if let at = authority.lastIndex(of: "@") {
      authority = authority[authority.index(after: at)...]
    }
    return String(authority.prefix { $0 != ":" })
  }

  /// `host` when it is a plain ASCII domain that may stand on the right of a Message-ID.
  static func safeHost(_ host: String?) -> String? {
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
