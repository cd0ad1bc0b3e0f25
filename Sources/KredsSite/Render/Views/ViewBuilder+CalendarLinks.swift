import Foundation

/// Links that put an event or a feed into a reader's calendar app (SITE.md, "iCal feeds").
extension ViewBuilder {
  /// Subscribe links for an iCal feed, one per kind of calendar app: `webcal://` (Apple Calendar,
  /// Thunderbird and most others open it as a subscription), Google Calendar's `cid` link (with the
  /// `webcal://` address: the form Google subscribes to rather than imports once), Outlook's
  /// "add from web" links for Microsoft 365 and Outlook.com (with the `https://` address: the new
  /// Outlook for Windows drops the `webcal:` scheme), and the `https://` address to copy.
  func subscribeLinks(feedPath: String, name: String) -> View {
    let webcal = urls.webcal(feedPath)
    let https = urls.absolute(feedPath)
    func outlook(_ host: String) -> String {
      URLQuery.make("https://\(host)/calendar/0/addfromweb", [("url", https), ("name", name)])
    }
    return View([
      "webcalURL": webcal, "httpsURL": https,
      "googleURL": "https://calendar.google.com/calendar/r?cid=" + URLQuery.encode(webcal),
      "outlook365URL": outlook("outlook.office.com"), "outlookComURL": outlook("outlook.live.com"),
    ])
  }

  /// "Add to calendar" for one occurrence: the event's `.ics`, Google Calendar's template link
  /// (times in UTC, with the event's zone as `ctz`) and Outlook.com's compose link.
  func addToCalendarLinks(event: Event, occurrence: Occurrence) -> View {
    let details =
      [event.summary, event.online.map { "\(label("joinOnline")): \($0.url)" }]
      .compactMap { $0 } + [urls.absolute(urls.event(event.slug))]
    let body = details.joined(separator: "\n\n")
    let location = event.location.map(Self.locationText) ?? event.online?.url ?? ""
    let googleDates: String
    let outlookStart: String
    let outlookEnd: String
    if occurrence.start.isWholeDay {
      let exclusiveEnd = occurrence.end.date.adding(days: 1)
      googleDates = Self.compact(occurrence.start.date) + "/" + Self.compact(exclusiveEnd)
      outlookStart = occurrence.start.date.description
      outlookEnd = exclusiveEnd.description
    } else {
      googleDates =
        Self.compactUTC(occurrence.startInstant) + "/" + Self.compactUTC(occurrence.endInstant)
      outlookStart = DateText.isoInstant(occurrence.startInstant, zone: event.timeZone)
      outlookEnd = DateText.isoInstant(occurrence.endInstant, zone: event.timeZone)
    }
    let google = URLQuery.make(
      "https://calendar.google.com/calendar/render",
      [
        ("action", "TEMPLATE"), ("text", event.title), ("dates", googleDates),
        ("ctz", event.timeZone.identifier), ("details", body), ("location", location),
      ])
    let outlook = URLQuery.make(
      "https://outlook.live.com/calendar/0/deeplink/compose",
      [
        ("path", "/calendar/action/compose"), ("rru", "addevent"), ("subject", event.title),
        ("startdt", outlookStart), ("enddt", outlookEnd),
        ("allday", occurrence.start.isWholeDay ? "true" : "false"), ("body", body),
        ("location", location),
      ])
    var view = View([
      "icsURL": urls.eventCalendarFile(event.slug), "googleURL": google, "outlookURL": outlook,
    ])
    view["series"] = event.repetition != nil
    view["cancelled"] = event.status == .cancelled
    return view
  }

  /// Name, address, postal code and city, as calendar apps show a place on one line.
  static func locationText(_ location: Location) -> String {
    [
      location.name, location.address,
      [location.postalCode, location.city].compactMap { $0 }.joined(separator: " "),
    ]
    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
  }

  /// `20270501`.
  static func compact(_ date: LocalDate) -> String {
    LocalDate.pad(date.year, 4) + LocalDate.pad(date.month, 2) + LocalDate.pad(date.day, 2)
  }

  /// `20270317T073000Z`, to the minute. By arithmetic: making a UTC `TimeZone` and a calendar
  /// date for each of thousands of links showed in the profile.
  static func compactUTC(_ instant: Date) -> String {
    let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondsOfDay = seconds - days * 86_400
    return compact(LocalDate(daysSinceEpoch: days)) + "T" + LocalDate.pad(secondsOfDay / 3600, 2)
      + LocalDate.pad(secondsOfDay % 3600 / 60, 2) + "00Z"
  }
}
