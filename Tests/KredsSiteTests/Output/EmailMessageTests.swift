import Foundation
import Testing

@testable import KredsSite

@Suite struct EmailMessageTests {
  static let subject = "Nyhedsbrev fra Landsbynetværk i Langeland – oktober 2026 🌱"
  static let textBody =
    "Kære læsere,\n\nÆbler, øl og ål: æøå ÆØÅ 🌱👩🏽‍🌾\n1 + 1 = 2, a=b ==\n"
    + "Linje med mellemrum til sidst   \nOg en tab til sidst\t\n"
    + String(repeating: "Langeland æ=ø ", count: 22) + "slut\n"
    + "=XX =\n.\nFrom here\n"
  static let htmlBody =
    "<!DOCTYPE html>\n<html lang=\"da\"><body style=\"margin:0\">"
    + "<p>Kære læsere – 🌱</p>\r\n<p>" + String(repeating: "x", count: 300) + "</p></body></html>"

  func message(
    subject: String = subject, from: EmailMessage.Mailbox? = nil, text: String = textBody,
    html: String = htmlBody
  ) -> EmailMessage {
    EmailMessage(
      from: from ?? .init(name: "Landsbynetværk Langeland", address: "kontakt@example.dk"),
      subject: subject, date: Date(timeIntervalSince1970: 1_790_841_600),
      messageIDSeed: "https://example.dk/nyhedsbreve/2026-10/", textBody: text, htmlBody: html)
  }

  // MARK: - Whole message

  @Test func findsBoundaryCandidatesAsBytes() {
    let candidate = "=_kreds_0123abcd"
    #expect(EmailMessage.containsBytes(candidate + " tekst", candidate))
    #expect(EmailMessage.containsBytes("før \(candidate) efter", candidate))
    #expect(EmailMessage.containsBytes("æøå" + candidate, candidate))
    #expect(!EmailMessage.containsBytes("=_kreds_0123abc", candidate))
    #expect(!EmailMessage.containsBytes("", candidate))
    #expect(!EmailMessage.containsBytes("=_kreds_0123abcD", candidate))
    #expect(EmailMessage.containsBytes("blåbær", "å"))
    #expect(EmailMessage.containsBytes("tekst", ""))
  }

  @Test func hasTheHeadersOfADraft() throws {
    let rendered = message().rendered()
    let headers = try #require(Self.headers(of: rendered))
    #expect(headers["Date"] == "Thu, 01 Oct 2026 08:00:00 +0000")
    #expect(headers["MIME-Version"] == "1.0")
    #expect(headers["X-Unsent"] == "1")
    #expect(headers["To"] == nil)
    #expect(headers["Message-ID"]?.hasPrefix("<") == true)
    #expect(headers["Message-ID"]?.hasSuffix("@example.dk>") == true)
    let contentType = try #require(headers["Content-Type"])
    #expect(contentType.hasPrefix("multipart/alternative; boundary=\""))
    let from = try #require(headers["From"])
    #expect(Self.decodeWords(from) == "Landsbynetværk Langeland <kontakt@example.dk>")
  }

  @Test func encodesTheSubjectSoItRoundTrips() throws {
    let rendered = message().rendered()
    let raw = try #require(Self.rawHeader("Subject", in: rendered))
    #expect(raw.unicodeScalars.allSatisfy { $0.isASCII })
    let words = Self.unfold(raw).split(separator: " ")
    #expect(words.count > 1)
    for word in words {
      #expect(word.count <= 75)
      #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
      // Each word alone must be whole UTF-8: no character split between words.
      let payload = word.dropFirst(10).dropLast(2)
      let bytes = try #require(Data(base64Encoded: String(payload)))
      #expect(String(bytes: bytes, encoding: .utf8) != nil)
    }
    #expect(Self.decodeWords(Self.unfold(raw)) == Self.subject)
  }

  @Test func keepsPlainSubjectsReadableAndFoldsThem() throws {
    let long = (1...20).map { "ord\($0)" }.joined(separator: " ")
    let rendered = message(subject: long).rendered()
    let raw = try #require(Self.rawHeader("Subject", in: rendered))
    #expect(raw.contains("\r\n "))
    #expect(Self.unfold(raw) == long)
    #expect(
      message(subject: "Oktober\n  2026").rendered().contains("\r\nSubject: Oktober 2026\r\n"))
  }

  @Test func encodesSubjectsThatLookLikeEncodedWords() throws {
    let tricky = "About =?UTF-8?B?YQ==?= here"
    let raw = try #require(Self.rawHeader("Subject", in: message(subject: tricky).rendered()))
    #expect(Self.decodeWords(Self.unfold(raw)) == tricky)
  }

  @Test func quotesDisplayNamesWithSpecials() throws {
    let from = EmailMessage.Mailbox(name: "Kreds, \"Langeland\" Inc.", address: "a@example.dk")
    let headers = try #require(Self.headers(of: message(from: from).rendered()))
    #expect(headers["From"] == #""Kreds, \"Langeland\" Inc." <a@example.dk>"#)
    let plain = EmailMessage.Mailbox(name: "Kreds Langeland", address: "a@example.dk")
    #expect(
      try #require(Self.headers(of: message(from: plain).rendered()))["From"]
        == "Kreds Langeland <a@example.dk>")
    let bare = EmailMessage.Mailbox(name: "", address: "a@example.dk")
    #expect(
      try #require(Self.headers(of: message(from: bare).rendered()))["From"] == "a@example.dk")
  }

  @Test func foldsLongEncodedDisplayNames() throws {
    let name = String(repeating: "Grøn omstilling på Langeland ", count: 4) + "🌱"
    let from = EmailMessage.Mailbox(name: name, address: "kontakt@example.dk")
    let rendered = message(from: from).rendered()
    let raw = try #require(Self.rawHeader("From", in: rendered))
    #expect(raw.contains("\r\n "))
    #expect(
      Self.decodeWords(Self.unfold(raw))
        == name.trimmingCharacters(in: .whitespaces) + " <kontakt@example.dk>")
    Self.expectShortLines(rendered)
  }

  @Test func keepsLineBreaksOutOfHeaders() throws {
    let from = EmailMessage.Mailbox(name: "Kreds\r\nBcc: x@y", address: "a@example.dk\nBcc: z@y")
    let rendered = message(subject: "Hej\r\nBcc: x@y", from: from).rendered()
    let names = try #require(Self.rawHeaders(of: rendered)).map(\.0)
    #expect(!names.contains("Bcc"))
  }

  @Test func writesRecipientsWhenGiven() throws {
    var draft = message()
    draft.to = [
      .init(name: "Anna Æbelø", address: "anna@example.dk"),
      .init(name: "", address: "bo@example.dk"),
    ]
    let rendered = draft.rendered()
    let raw = try #require(Self.rawHeader("To", in: rendered))
    #expect(Self.decodeWords(Self.unfold(raw)) == "Anna Æbelø <anna@example.dk>, bo@example.dk")
  }

  @Test func hasNoLineOver78Octets() {
    let rendered = message().rendered()
    Self.expectShortLines(rendered)
  }

  @Test func endsEveryLineWithCRLF() {
    let bytes = message().bytes
    #expect(bytes.suffix(2) == [13, 10])
    for (index, byte) in bytes.enumerated() {
      if byte == 10 { #expect(index > 0 && bytes[index - 1] == 13, "bare LF at \(index)") }
      if byte == 13 {
        #expect(index + 1 < bytes.count && bytes[index + 1] == 10, "bare CR at \(index)")
      }
    }
  }

  @Test func isTheSameForTheSameInput() {
    #expect(message().bytes == message().bytes)
    #expect(message().rendered() != message(text: "other").rendered())
    #expect(message().messageID == message(text: "other").messageID)
  }

  @Test func hasTextThenHTMLInQuotedPrintableThatRoundTrips() throws {
    let rendered = message().rendered()
    let parts = try #require(Self.parts(of: rendered))
    try #require(parts.count == 2)
    #expect(parts[0].headers["Content-Type"] == "text/plain; charset=UTF-8")
    #expect(parts[1].headers["Content-Type"] == "text/html; charset=UTF-8")
    for part in parts {
      #expect(part.headers["Content-Transfer-Encoding"] == "quoted-printable")
    }
    #expect(Self.decodeQuotedPrintable(parts[0].body) == Self.textBody)
    // The HTML's lone LF and its CRLF both come back as one line break.
    #expect(
      Self.decodeQuotedPrintable(parts[1].body)
        == Self.htmlBody.replacingOccurrences(of: "\r\n", with: "\n"))
  }

  @Test func keepsTheBoundaryOutOfTheBodies() throws {
    let rendered = message().rendered()
    let headers = try #require(Self.headers(of: rendered))
    let boundary = try #require(Self.boundary(headers))
    #expect(!Self.textBody.contains(boundary))
    #expect(!Self.htmlBody.contains(boundary))
    // Exactly three delimiter lines: two part starts and the close.
    let delimiters = rendered.components(separatedBy: "\r\n").filter {
      $0.hasPrefix("--" + boundary)
    }
    #expect(delimiters == ["--" + boundary, "--" + boundary, "--" + boundary + "--"])
  }

  @Test func changesTheBoundaryWhenABodyHoldsIt() {
    let draft = message()
    let first = draft.boundary(encodedParts: [])
    let second = draft.boundary(encodedParts: ["<p>" + first + "</p>"])
    #expect(second != first)
    #expect(second.hasPrefix("=_kreds_"))
    #expect(draft.boundary(encodedParts: []) == first)
  }

  // MARK: - Pieces

  @Test func writesRFC5322DatesInUTC() {
    #expect(
      EmailMessage.rfc5322Date(Date(timeIntervalSince1970: 1_790_841_600))
        == "Thu, 01 Oct 2026 08:00:00 +0000")
    #expect(
      EmailMessage.rfc5322Date(Date(timeIntervalSince1970: 1_709_251_199.9))
        == "Thu, 29 Feb 2024 23:59:59 +0000")
    #expect(
      EmailMessage.rfc5322Date(Date(timeIntervalSince1970: -3600))
        == "Wed, 31 Dec 1969 23:00:00 +0000")
  }

  @Test func encodesQuotedPrintableByTheRules() {
    let encoded = EmailMessage.quotedPrintable(
      "a=b æ  \nend\t\n" + String(repeating: "é", count: 40))
    let lines = encoded.components(separatedBy: "\r\n")
    #expect(lines[0] == "a=3Db =C3=A6 =20")
    #expect(lines[1] == "end=09")
    for line in lines {
      #expect(line.count <= 76)
      #expect(line.last != " " && line.last != "\t")
      // A soft break never cuts an escape: "=" is followed by two hex digits or ends the line.
      let characters = Array(line)
      for (index, character) in characters.enumerated() where character == "=" {
        #expect(index == characters.count - 1 || index + 2 < characters.count)
      }
    }
    #expect(
      Self.decodeQuotedPrintable(encoded) == "a=b æ  \nend\t\n" + String(repeating: "é", count: 40))
  }

  @Test func roundTripsA300CharacterLine() {
    let line = String(repeating: "abcæ=😀 ", count: 43) + "  "
    #expect(line.count >= 300)
    let encoded = EmailMessage.quotedPrintable(line)
    let lines = encoded.components(separatedBy: "\r\n")
    #expect(lines.count > 4)
    #expect(lines.allSatisfy { $0.utf8.count <= 76 })
    // Soft breaks fall between characters, so each piece decodes to whole UTF-8 on its own.
    for piece in lines {
      #expect(String(bytes: Self.decodeQuotedPrintableBytes(piece), encoding: .utf8) != nil)
    }
    #expect(Self.decodeQuotedPrintable(encoded) == line)
  }

  // MARK: - Test helpers: a small reader for what the writer produces

  static func expectShortLines(
    _ rendered: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    for line in rendered.components(separatedBy: "\r\n") {
      #expect(line.utf8.count <= 78, "too long: \(line)", sourceLocation: sourceLocation)
    }
  }

  /// The header section's lines, still folded, keyed by name.
  static func rawHeaders(of message: String) -> [(String, String)]? {
    guard let end = message.range(of: "\r\n\r\n") else { return nil }
    var result: [(String, String)] = []
    for line in message[..<end.lowerBound].components(separatedBy: "\r\n") {
      if line.hasPrefix(" ") || line.hasPrefix("\t"), let last = result.popLast() {
        result.append((last.0, last.1 + "\r\n" + line))
      } else if let colon = line.firstIndex(of: ":") {
        result.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
      }
    }
    return result.map { ($0.0, $0.1.hasPrefix(" ") ? String($0.1.dropFirst()) : $0.1) }
  }

  static func rawHeader(_ name: String, in message: String) -> String? {
    rawHeaders(of: message)?.first { $0.0 == name }?.1
  }

  static func headers(of message: String) -> [String: String]? {
    guard let raw = rawHeaders(of: message) else { return nil }
    return Dictionary(raw.map { ($0.0, unfold($0.1)) }, uniquingKeysWith: { first, _ in first })
  }

  /// RFC 5322 unfolding: a CRLF followed by white space is removed, the white space stays.
  static func unfold(_ value: String) -> String {
    value.replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(
      of: "\r\n\t", with: "\t")
  }

  static func boundary(_ headers: [String: String]) -> String? {
    guard let type = headers["Content-Type"], let start = type.range(of: "boundary=\"") else {
      return nil
    }
    return String(type[start.upperBound...].prefix { $0 != "\"" })
  }

  /// An RFC 2047 decoder for B-encoded UTF-8 words: white space between adjacent encoded-words
  /// is dropped, other text kept, the bytes of adjacent words joined before decoding.
  static func decodeWords(_ value: String) -> String {
    var output = ""
    var pending: [UInt8] = []
    var previousWasWord = false
    for (index, token) in value.split(separator: " ").enumerated() {
      let payload =
        token.hasPrefix("=?UTF-8?B?") && token.hasSuffix("?=")
        ? Data(base64Encoded: String(token.dropFirst(10).dropLast(2))) : nil
      if let payload {
        if index > 0 && !previousWasWord { output += " " }
        pending += payload
        previousWasWord = true
      } else {
        output += String(decoding: pending, as: UTF8.self)
        pending = []
        output += (index > 0 ? " " : "") + token
        previousWasWord = false
      }
    }
    return output + String(decoding: pending, as: UTF8.self)
  }

  struct Part {
    var headers: [String: String]
    var body: String
  }

  static func parts(of message: String) -> [Part]? {
    guard let headers = headers(of: message), let boundary = boundary(headers),
      let start = message.range(of: "\r\n\r\n")
    else { return nil }
    let body = String(message[start.upperBound...])
    var chunks = ("\r\n" + body).components(separatedBy: "\r\n--" + boundary)
    guard chunks.count == 4, chunks[3] == "--\r\n" else { return nil }
    chunks = Array(chunks[1...2])
    return chunks.compactMap { chunk in
      // Each chunk starts with the CRLF that ends the delimiter line.
      guard chunk.hasPrefix("\r\n"), let split = chunk.range(of: "\r\n\r\n") else { return nil }
      // "\r\n" is one Character, so dropping one drops the whole line end.
      let headerText = String(chunk.dropFirst()[..<split.lowerBound])
      guard let partHeaders = Self.headers(of: headerText + "\r\n\r\n") else { return nil }
      return Part(headers: partHeaders, body: String(chunk[split.upperBound...]))
    }
  }

  /// Quoted-printable decoding (RFC 2045 section 6.7) into UTF-8 text with LF line breaks.
  static func decodeQuotedPrintable(_ encoded: String) -> String {
    String(decoding: decodeQuotedPrintableBytes(encoded), as: UTF8.self)
  }

  static func decodeQuotedPrintableBytes(_ encoded: String) -> [UInt8] {
    var bytes: [UInt8] = []
    let lines = encoded.components(separatedBy: "\r\n")
    for (index, line) in lines.enumerated() {
      var characters = Array(line.utf8)
      let soft = characters.last == UInt8(ascii: "=")
      if soft { characters.removeLast() }
      var position = 0
      while position < characters.count {
        let byte = characters[position]
        if byte == UInt8(ascii: "="), position + 2 < characters.count,
          let value = UInt8(
            String(decoding: characters[position + 1...position + 2], as: UTF8.self), radix: 16)
        {
          bytes.append(value)
          position += 3
        } else {
          bytes.append(byte)
          position += 1
        }
      }
      if !soft && index < lines.count - 1 { bytes.append(UInt8(ascii: "\n")) }
    }
    return bytes
  }
}
