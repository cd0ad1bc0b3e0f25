import Foundation
import Testing

@testable import KredsSite

/// `List-Unsubscribe` and RFC 8058's one-click POST from the site's `newsletter_unsubscribe`.
@Suite struct ListUnsubscribeTests {
  typealias Unsubscribe = EmailMessage.Unsubscribe

  @Test func anHTTPSAddressTakesTheOneClickPost() throws {
    let unsubscribe = try #require(Unsubscribe(setting: "https://example.dk/afmeld?liste=fyn"))
    #expect(unsubscribe == Unsubscribe(uri: "https://example.dk/afmeld?liste=fyn", oneClick: true))
    #expect(
      unsubscribe.headers == [
        "List-Unsubscribe: <https://example.dk/afmeld?liste=fyn>",
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
      ])
  }

  @Test func mailAddressesAndPlainHTTPGetNoOneClick() {
    #expect(
      Unsubscribe(setting: "mailto:afmeld@example.dk?subject=afmeld")
        == Unsubscribe(uri: "mailto:afmeld@example.dk?subject=afmeld", oneClick: false))
    #expect(
      Unsubscribe(setting: "afmeld@example.dk")
        == Unsubscribe(uri: "mailto:afmeld@example.dk", oneClick: false))
    #expect(Unsubscribe(setting: "http://example.dk/afmeld")?.oneClick == false)
    #expect(Unsubscribe(setting: "afmeld@example.dk")?.headers.count == 1)
  }

  /// The mail tool that fills in a merge tag writes its own header.
  @Test func mergeTagsAndBrokenValuesGiveNoHeader() {
    for setting in [
      "*|UNSUB|*", "{{ UnsubscribeURL }}", "[unsubscribe]", "", "https://example.dk/a b",
      "https://example.dk/<x>", "https://eksempel.dk/afmeld/æ", "afmeld@", "@example.dk",
      "*|EMAIL|*@example.dk",
    ] {
      #expect(Unsubscribe(setting: setting) == nil, "\(setting)")
    }
  }

  @Test func aLongAddressFoldsBeforeItAndNoLineIsLongerThanRFC5322Allows() throws {
    let long = "https://nyhedsbreve.example.dk/afmeld/" + String(repeating: "a", count: 30)
    let headers = try #require(Unsubscribe(setting: long)).headers
    #expect(headers[0] == "List-Unsubscribe:\r\n <\(long)>")
    let longer = long + String(repeating: "b", count: 100)
    let single = try #require(Unsubscribe(setting: longer)).headers[0]
    #expect(single == "List-Unsubscribe: <\(longer)>")
  }

  @Test func theMessageCarriesTheHeadersBeforeItsBody() {
    var message = EmailMessage(
      from: .init(name: "Netværk", address: "kontakt@example.dk"), subject: "Nyhedsbrev",
      date: Date(timeIntervalSince1970: 1_790_841_600), messageIDSeed: "https://example.dk/n/",
      textBody: "Hej\n", htmlBody: "<p>Hej</p>")
    #expect(!message.rendered().contains("List-Unsubscribe"))
    message.unsubscribe = Unsubscribe(setting: "https://example.dk/afmeld")
    let headers = message.rendered().components(separatedBy: "\r\n\r\n")[0]
    #expect(headers.contains("\r\nList-Unsubscribe: <https://example.dk/afmeld>\r\n"))
    #expect(headers.contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
  }
}
