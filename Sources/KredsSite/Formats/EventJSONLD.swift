import Foundation

/// schema.org `Event` data for search engines, as a ready `<script>` element that no field can
/// break out of.
enum EventJSONLD {
  static func scriptElement(event: Event, occurrence: Occurrence?, builder: ViewBuilder) -> String {
    "<script type=\"application/ld+json\">"
      + escapeForScript(
        JSONValue.object(object(event: event, occurrence: occurrence, builder: builder)).text)
      + "</script>"
  }

  /// The schema.org `Event` of one meeting (or of the event, without one): the page's JSON-LD,
  /// and each meeting of the JSON feeds, so that both say the same.
  static func object(event: Event, occurrence: Occurrence?, builder: ViewBuilder) -> [String:
    JSONValue]
  {
    let urls = builder.urls
    let status: String
    switch event.status {
    case .scheduled: status = "EventScheduled"
    case .cancelled: status = "EventCancelled"
    case .postponed: status = "EventPostponed"
    }
    var object: [String: JSONValue] = [
      "@context": .string("https://schema.org"),
      "@type": .string("Event"),
      "name": .string(event.title),
      "url": .string(urls.absolute(urls.event(event.slug))),
      "eventStatus": .string("https://schema.org/" + status),
    ]
    if let occurrence {
      object["startDate"] = .string(builder.dates.iso(occurrence.start, in: event.timeZone))
      object["endDate"] = .string(builder.dates.iso(occurrence.end, in: event.timeZone))
    }
    if let summary = event.summary { object["description"] = .string(summary) }
    let mode: String
    switch (event.location != nil, event.online != nil) {
    case (true, true): mode = "MixedEventAttendanceMode"
    case (false, true): mode = "OnlineEventAttendanceMode"
    default: mode = "OfflineEventAttendanceMode"
    }
    object["eventAttendanceMode"] = .string("https://schema.org/" + mode)
    var locations: [JSONValue] = []
    if let location = event.location {
      var address: [String: JSONValue] = [
        "@type": .string("PostalAddress"), "addressCountry": .string(location.country),
      ]
      if let street = location.address { address["streetAddress"] = .string(street) }
      if let code = location.postalCode { address["postalCode"] = .string(code) }
      if let city = location.city { address["addressLocality"] = .string(city) }
      locations.append(
        .object([
          "@type": .string("Place"), "name": .string(location.name), "address": .object(address),
        ]))
    }
    if let online = event.online {
      locations.append(.object(["@type": .string("VirtualLocation"), "url": .string(online.url)]))
    }
    if locations.count == 1 {
      object["location"] = locations[0]
    } else if !locations.isEmpty {
      object["location"] = .array(locations)
    }
    if let organisation = event.networkSlugs.first.flatMap({ builder.site.network($0) }) {
      object["organizer"] = .object([
        "@type": .string("Organization"), "name": .string(organisation.title),
        "url": .string(urls.absolute(urls.network(organisation.slug))),
      ])
    }
    if let image = event.image {
      object["image"] = .string(builder.sharingImage(image).url)
    }
    if let registration = event.registration {
      var offer: [String: JSONValue] = [
        "@type": .string("Offer"),
        "url": .string(registration.url ?? urls.absolute(urls.event(event.slug))),
      ]
      if let price = registration.price { offer["description"] = .string(price) }
      if let deadline = registration.deadline {
        offer["validThrough"] = .string(builder.dates.iso(deadline, in: event.timeZone))
      }
      object["offers"] = .object(offer)
    }
    return object
  }

  /// JSON stays the same JSON, but nothing in it can end the script element or open a comment.
  static func escapeForScript(_ json: String) -> String {
    // Byte by byte: the five characters are ASCII or start with 0xE2 0x80, and UTF-8 has no
    // other way to write them.
    let bytes = Array(json.utf8)
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + 16)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "<"): result += "\\u003c".utf8
      case UInt8(ascii: ">"): result += "\\u003e".utf8
      case UInt8(ascii: "&"): result += "\\u0026".utf8
      case 0xE2
      where index + 1 < bytes.count && bytes[index] == 0x80
        && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
        result += (bytes[index + 1] == 0xA8 ? "\\u2028" : "\\u2029").utf8
        index += 2
      default: result.append(byte)
      }
    }
    return String(decoding: result, as: UTF8.self)
  }
}
