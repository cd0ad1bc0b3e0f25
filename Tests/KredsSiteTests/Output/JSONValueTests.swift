import Foundation
import Testing

@testable import KredsSite

/// `JSONValue` must write what `JSONSerialization` wrote before it, byte for byte: the JSON-LD in
/// every event page depends on it.
@Suite struct JSONValueTests {
  /// What the pages used to get.
  func serialized(_ object: Any) throws -> String {
    let data = try JSONSerialization.data(
      withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    return try #require(String(data: data, encoding: .utf8))
  }

  static let trickyStrings: [String] = {
    var everyControl = ""
    for value in UInt32(0)...0x1F { everyControl.unicodeScalars.append(Unicode.Scalar(value)!) }
    var everyASCII = ""
    for value in UInt32(0)...0x7F { everyASCII.unicodeScalars.append(Unicode.Scalar(value)!) }
    return [
      "", "plain", "say \"hi\"", "back\\slash", "\\\"", "a/b", "https://example.org/a/b?c=d&e=f",
      "</script><!-- -->", "line\nfeed", "tab\there", "cr\r\nlf", everyControl, everyASCII,
      "\u{7F}", "\u{80}\u{9F}\u{A0}", "\u{2028}\u{2029}", "\u{FEFF}", "😀👩🏽‍💻", "e\u{301}",
      "æøå ÆØÅ", "日本語", "\u{0}end",
    ]
  }()

  @Test(arguments: trickyStrings)
  func writesStringsAsJSONSerialization(_ string: String) throws {
    #expect(JSONValue.string(string).text == (try serialized([string])).dropFirst().dropLast())
    #expect(JSONValue.array([.string(string)]).text == (try serialized([string])))
    #expect(JSONValue.object([string: .string(string)]).text == (try serialized([string: string])))
  }

  @Test func writesNestingAsJSONSerialization() throws {
    let value = JSONValue.object([
      "a": .array([]), "b": .object([:]),
      "c": .array([.string("x"), .object(["y": .array([.string("z")])]), .array([])]),
    ])
    let object: [String: Any] = [
      "a": [] as [Any], "b": [:] as [String: Any],
      "c": ["x", ["y": ["z"]], [] as [Any]] as [Any],
    ]
    #expect(value.text == (try serialized(object)))
  }

  /// Every key EventJSONLD writes, together: their byte order is `.sortedKeys`' order.
  @Test func ordersEventKeysAsJSONSerialization() throws {
    let keys = [
      "@context", "@type", "name", "url", "eventStatus", "startDate", "endDate", "description",
      "eventAttendanceMode", "location", "address", "addressCountry", "streetAddress",
      "postalCode", "addressLocality", "organizer", "image", "offers", "validThrough",
    ]
    var value: [String: JSONValue] = [:]
    var object: [String: Any] = [:]
    for key in keys {
      value[key] = .string(key.uppercased())
      object[key] = key.uppercased()
    }
    #expect(JSONValue.object(value).text == (try serialized(object)))
  }

  /// The script escaping as it was written before, scalar by scalar.
  func escapedByScalars(_ json: String) -> String {
    var result = ""
    for scalar in json.unicodeScalars {
      switch scalar {
      case "<": result += "\\u003c"
      case ">": result += "\\u003e"
      case "&": result += "\\u0026"
      case "\u{2028}": result += "\\u2028"
      case "\u{2029}": result += "\\u2029"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  @Test(arguments: trickyStrings + ["\u{2027}\u{202A}\u{E2}\u{80}", "<&>\u{2028}x\u{2029}"])
  func escapesForScriptAsBefore(_ string: String) throws {
    let json = try serialized([string])
    let escaped = EventJSONLD.escapeForScript(json)
    #expect(escaped == escapedByScalars(json))
    #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("&"))
  }
}
