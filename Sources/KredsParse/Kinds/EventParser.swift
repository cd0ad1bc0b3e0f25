import Foundation
import Yams

/// `events/<slug>.md` and `networks/<n>/events/<slug>.md` (CONTENT.md, "Event").
package enum EventParser {
  package static let keys = [
    "title", "start", "end", "timezone", "summary", "networks", "location", "online",
    "registration", "contact", "speakers", "agenda", "attachments", "status", "repeat", "uid",
    "sequence", "updated", "tags", "image", "image_alt", "draft", "publish",
  ]

  package static func parse(
    _ root: Node, slug: Slug, network: Slug?, inNetworkFolder: Bool, context: ItemContext
  ) -> Event? {
    guard let reader = context.reader(root, known: keys) else { return nil }
    let sink = reader.sink
    let title = reader.text(
      "title", required: true, maxLength: 200,
      hint: "add the event's title, e.g. 'title: Morgenmøde om energi'")
    let start = reader.dateTime("start", required: true)
    let end = reader.dateTime("end")
    let zone = reader.timeZone("timezone")
    let summary = reader.text("summary", maxLength: 300)
    let networks = reader.networkList()
    if !inNetworkFolder, !reader.has("networks") {
      sink.error(
        "an event in the events/ folder must name its networks: add e.g. 'networks: [groent-netvaerk]', or move the file into networks/<network>/events/",
        at: reader.location)
    }
    let location = readLocation(reader)
    let online = readOnline(reader)
    if !reader.has("location"), !reader.has("online") {
      sink.error(
        "an event needs 'location' (where to meet), 'online' (how to join remotely), or both; add e.g. 'location: {name: Nyborg Rådhus, address: Torvet 1, postal_code: 5800, city: Nyborg}'",
        at: reader.location)
    }
    let registration = readRegistration(reader)
    let contact = reader.person("contact")
    let speakers = reader.persons("speakers")
    let agenda = readAgenda(reader)
    let attachments = reader.mappingList(
      "attachments", known: ["file", "title"],
      example: "[{file: media/program.pdf, title: Program}]"
    ).compactMap { item -> Attachment? in
      let file = item.mediaPath("file", required: true)
      let title = item.text(
        "title", required: true, hint: "add a title for the file, e.g. 'title: Program (PDF)'")
      guard let file, let title else { return nil }
      return Attachment(file: file, title: title)
    }
    let status = reader.choice("status", as: EventStatus.self)
    let parsedRepetition = readRepeat(reader)
    let uid = reader.text("uid")
    if let uid, uid.contains(where: { $0.isWhitespace }) {
      sink.error("'uid' must not contain spaces, found '\(uid)'", at: reader.location(of: "uid"))
    }
    let sequence = reader.integer("sequence", range: 0...Int(Int32.max))
    let updated = reader.dateTime("updated")
    let tags = reader.tags()
    let image = reader.image()
    let draft = reader.draft()
    let body = context.takeBody()

    if let start, let end {
      checkEnd(start: start.value, end: end, sink: sink)
    }
    if let start, let registration, let deadline = registration.deadline,
      deadline.value > start.value,
      !(deadline.value.isWholeDay && deadline.value.date == start.value.date)
    {
      sink.error(
        "the registration deadline \(deadline.value) is after the event starts (\(start.value)); set it on or before the start",
        at: deadline.location)
    }
    var repetition = parsedRepetition
    if let start, let series = repetition,
      !checkRepeat(series, start: start.value, sink: sink, location: reader.location(of: "repeat"))
    {
      repetition = nil  // reported; expanding it would only repeat the problem
    }

    let eventZone = zone ?? context.defaultTimeZone
    if let publish = reader.publish(in: eventZone), let start,
      publish.instant > start.value.instant(in: eventZone)
    {
      sink.warning(
        "'publish' (\(publish.written.value)) is after the event starts (\(start.value)): the meeting would be announced after it began; publish it earlier",
        at: publish.written.location)
    }
    for value in [start, end].compactMap({ $0 }) where !value.value.exists(in: eventZone) {
      sink.warning(
        "\(value.value) does not exist in \(eventZone.identifier): the clocks skip that hour for summer time; calendar apps will show it an hour later",
        at: value.location)
    }
    guard let title, let start else { return nil }
    var event = Event(
      slug: slug, file: context.file, title: title, start: start.value,
      timeZone: zone ?? context.defaultTimeZone)
    event.end = end?.value
    event.summary = summary
    event.homeNetwork = network
    event.listedNetworks = networks
    event.location = location
    event.online = online
    event.registration = registration.map { registration in
      var result = Registration(
        url: registration.url, email: registration.email, deadline: registration.deadline?.value,
        capacity: registration.capacity, price: registration.price)
      result.deadlineLocation = registration.deadline?.location
      return result
    }
    event.contact = contact
    event.speakers = speakers
    event.agenda = agenda
    event.attachments = attachments
    event.status = status ?? .scheduled
    event.repetition = repetition
    event.uid = uid
    event.uidLocation = uid == nil ? nil : reader.location(of: "uid")
    event.sequence = sequence?.value ?? 0
    event.updated = updated?.value
    event.tags = tags
    event.image = image
    event.draft = draft
    event.body = body
    return event
  }

  private static func checkEnd(
    start: LocalDateTime, end: Located<LocalDateTime>, sink: DiagnosticSink
  ) {
    if start.isWholeDay != end.value.isWholeDay {
      sink.error(
        start.isWholeDay
          ? "'end' has a time but 'start' is a whole day; write both as dates (2023-01-25) or both with times (2023-01-25 09:00)"
          : "'end' is a date without a time but 'start' has a time; write 'end' with a time, like \(start.date) 11:00",
        at: end.location)
      return
    }
    if start.isWholeDay {
      if end.value < start {
        sink.error(
          "'end' (\(end.value)) is before 'start' (\(start)); a whole-day event ends on or after its first day",
          at: end.location)
      }
    } else if end.value <= start {
      sink.error("'end' (\(end.value)) must be after 'start' (\(start))", at: end.location)
    }
  }

  private static func readLocation(_ reader: MappingReader) -> Location? {
    guard
      let location = reader.mapping(
        "location", known: ["name", "address", "postal_code", "city", "country"],
        example: "{name: Nyborg Rådhus, address: Torvet 1, postal_code: 5800, city: Nyborg}")
    else { return nil }
    let name = location.text(
      "name", required: true, hint: "add the place's name, e.g. 'name: Nyborg Rådhus'")
    let address = location.text("address")
    let postalCode = location.text("postal_code")
    let city = location.text("city")
    var country = "DK"
    if let code = location.text("country") {
      if code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) {
        country = code.uppercased()
      } else {
        location.sink.error(
          "'location.country' must be a two-letter ISO country code such as DK or SE, found '\(code)'",
          at: location.location(of: "country"))
      }
    }
    guard let name else { return nil }
    return Location(
      name: name, address: address, postalCode: postalCode, city: city, country: country)
  }

  private static func readOnline(_ reader: MappingReader) -> OnlineAccess? {
    guard
      let online = reader.mapping(
        "online", known: ["url", "platform"],
        example: "{url: https://teams.example.dk/…, platform: Microsoft Teams}")
    else { return nil }
    let url = online.url("url", required: true)
    let platform = online.text("platform")
    return url.map { OnlineAccess(url: $0, platform: platform) }
  }

  package struct RegistrationDraft {
    var url: String?
    var email: String?
    var deadline: Located<LocalDateTime>?
    var capacity: Int?
    var price: String?
  }

  private static func readRegistration(_ reader: MappingReader) -> RegistrationDraft? {
    guard
      let registration = reader.mapping(
        "registration", known: ["url", "email", "deadline", "capacity", "price"],
        example: "{url: https://example.dk/tilmelding, deadline: 2023-01-04}")
    else { return nil }
    let url = registration.url("url")
    let email = registration.email("email")
    if !registration.has("url"), !registration.has("email") {
      reader.sink.error(
        "'registration' needs 'url' (a sign-up page) or 'email' (where to write), or both",
        at: registration.location)
    }
    let deadline = registration.dateTime("deadline")
    let capacity = registration.integer("capacity", range: 1...1_000_000)
    let price = registration.text("price")
    return RegistrationDraft(
      url: url, email: email, deadline: deadline, capacity: capacity?.value, price: price)
  }

  private static func readAgenda(_ reader: MappingReader) -> [AgendaItem] {
    var items: [AgendaItem] = []
    var previous: LocalTime?
    for item in reader.mappingList(
      "agenda", known: ["time", "title", "speaker"], example: "[{time: \"09:00\", title: Velkomst}]"
    ) {
      let time = item.time("time")
      let title = item.text(
        "title", required: true, hint: "add what happens, e.g. 'title: Velkomst og kaffe'")
      let speaker = item.text("speaker")
      if let time, let previous, time < previous {
        item.sink.error(
          "agenda times must be in order: \(time) comes after \(previous)",
          at: item.location(of: "time"))
      }
      if let time { previous = time }
      if let title { items.append(AgendaItem(time: time, title: title, speaker: speaker)) }
    }
    return items
  }
}
