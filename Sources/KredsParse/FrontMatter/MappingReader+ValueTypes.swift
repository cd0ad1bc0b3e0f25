import Foundation

/// Readers for the value shapes several content kinds share (CONTENT.md, "Value types").
extension MappingReader {
  package static let personKeys = ["name", "role", "organisation", "email", "phone"]
  package static let personExample =
    "{name: Maria Holm, role: Projektleder, email: maria@example.dk}"

  package func person(_ key: String) -> Person? {
    guard let reader = mapping(key, known: Self.personKeys, example: Self.personExample) else {
      return nil
    }
    return reader.readPerson()
  }

  package func persons(_ key: String) -> [Person] {
    mappingList(key, known: Self.personKeys, example: "[\(Self.personExample)]").compactMap {
      $0.readPerson()
    }
  }

  package func readPerson() -> Person? {
    let name = text("name", required: true, hint: "add the person's name, e.g. 'name: Maria Holm'")
    let role = text("role")
    let organisation = text("organisation")
    let email = email("email")
    let phone = text("phone")
    guard let name else { return nil }
    return Person(name: name, role: role, organisation: organisation, email: email, phone: phone)
  }

  package func organisation(_ key: String) -> Organisation? {
    guard
      let reader = mapping(
        key, known: ["name", "url", "email"],
        example: "{name: Nyborg Erhverv, url: https://example.dk/}")
    else { return nil }
    let name = reader.text("name", required: true, hint: "add the organisation's name")
    let url = reader.url("url")
    let email = reader.email("email")
    guard let name else { return nil }
    return Organisation(name: name, url: url, email: email)
  }

  /// `image` with its required `image_alt`.
  package func image() -> Image? {
    let path = mediaPath("image")
    let alt = text("image_alt")
    if has("image"), alt == nil {
      sink.error(
        "'image' needs a text alternative: add 'image_alt: …' describing the picture for readers who cannot see it",
        at: location(of: "image"))
    }
    if !has("image"), alt != nil {
      sink.error(
        "'image_alt' is given without 'image'; add the image or remove 'image_alt'",
        at: location(of: "image_alt"))
    }
    guard let path, let alt else { return nil }
    sink.references.images.append(path)
    return Image(path: path, alt: alt)
  }

  package func tags() -> [String] {
    var seen: Set<String> = []
    var result: [String] = []
    for tag in textList("tags", example: "[energi, cirkulær økonomi]") {
      guard Slug.make(from: tag.value) != nil else {
        sink.error(
          "tag '\(tag.value)' has no letters or digits to make a topic page from", at: tag.location)
        continue
      }
      if seen.insert(tag.value.lowercased()).inserted { result.append(tag.value) }
    }
    return result
  }

  package func draft() -> Bool { boolean("draft") ?? false }

  /// `publish:` (a date alone means its midnight), kept for the resolve step, which judges it
  /// against the build's clock.
  @discardableResult
  package func publish(in zone: TimeZone) -> PublishTime? {
    guard let written = dateTime("publish") else { return nil }
    let time = PublishTime(written: written, instant: written.value.instant(in: zone))
    sink.references.publish = time
    return time
  }

  /// `networks:` as written; each slug is checked against the site later.
  package func networkList() -> [Located<String>] {
    let list = textList("networks", example: "[groent-netvaerk, byggenetvaerk]")
    sink.references.networks += list
    return list
  }
}
