import Foundation

/// schema.org `Event` data for search engines, as a ready `<script>` element that no field can
/// break out of.
enum EventJSONLD {
  static func scriptElement(event: Event, occurrence: Occurrence?, builder: ViewBuilder) -> String {
    let urls = builder.urls
    var object: [String: Any] = [
      "@context": "https://schema.org",
      "@type": "Event",
      "name": event.title,
      "url": urls.absolute(urls.event(event.slug)),
      "eventStatus": "https://schema.org/"
        + [
          EventStatus.scheduled: "EventScheduled", .cancelled: "EventCancelled",
          .postponed: "EventPostponed",
        ][event.status, default: "EventScheduled"],
    ]
    if let occurrence {
      object["startDate"] = builder.dates.iso(occurrence.start, in: event.timeZone)
      object["endDate"] = builder.dates.iso(occurrence.end, in: event.timeZone)
    }
    if let summary = event.summary { object["description"] = summary }
    let mode: String
    switch (event.location != nil, event.online != nil) {
    case (true, true): mode = "MixedEventAttendanceMode"
    case (false, true): mode = "OnlineEventAttendanceMode"
    default: mode = "OfflineEventAttendanceMode"
    }
    object["eventAttendanceMode"] = "https://schema.org/" + mode
    var locations: [[String: Any]] = []
    if let location = event.location {
      var address: [String: Any] = ["@type": "PostalAddress", "addressCountry": location.country]
      if let street = location.address { address["streetAddress"] = street }
      if let code = location.postalCode { address["postalCode"] = code }
      if let city = location.city { address["addressLocality"] = city }
      locations.append(["@type": "Place", "name": location.name, "address": address])
    }
    if let online = event.online {
      locations.append(["@type": "VirtualLocation", "url": online.url])
    }
    if locations.count == 1 {
      object["location"] = locations[0]
    } else if !locations.isEmpty {
      object["location"] = locations
    }
    if let organisation = event.networkSlugs.first.flatMap({ builder.site.network($0) }) {
      object["organizer"] = [
        "@type": "Organization", "name": organisation.title,
        "url": urls.absolute(urls.network(organisation.slug)),
      ]
    }
    if let image = event.image { object["image"] = urls.absolute(urls.media(image.path.value)) }
    if let registration = event.registration {
      var offer: [String: Any] = [
        "@type": "Offer", "url": registration.url ?? urls.absolute(urls.event(event.slug)),
      ]
      if let price = registration.price { offer["description"] = price }
      if let deadline = registration.deadline {
        offer["validThrough"] = builder.dates.iso(deadline, in: event.timeZone)
      }
      object["offers"] = offer
    }
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
      let json = String(data: data, encoding: .utf8)
    else { return "" }
    return "<script type=\"application/ld+json\">" + escapeForScript(json) + "</script>"
  }

  /// JSON stays the same JSON, but nothing in it can end the script element or open a comment.
  static func escapeForScript(_ json: String) -> String {
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
}
