import Foundation
import KredsSite

/// `kreds new`: content files made from the format's own skeletons, with the required keys
/// filled in and the optional ones as comments. Never overwrites.
public enum NewContent {
  public enum Kind: Sendable {
    case network(slug: String, title: String)
    case event(network: String, title: String, start: LocalDateTime)
    case story(network: String, title: String, date: LocalDate)
    case newsletter(network: String, date: LocalDate)
  }

  /// Writes the file and returns its path. Throws ``BuildError`` for a bad slug or network, an
  /// existing file, or a write that fails.
  public static func create(_ kind: Kind, contentFolder: URL) throws -> URL {
    let (path, text) = try file(for: kind, contentFolder: contentFolder)
    let url = contentFolder.appendingPathComponent(path)
    let fileManager = FileManager.default
    if fileManager.fileExists(atPath: url.path) {
      let advice: String
      switch kind {
      case .network: advice = "choose another slug, or edit the existing file"
      case .newsletter: advice = "edit the existing issue, or make the next one on another day"
      case .event, .story: advice = "choose another title, or edit the existing file"
      }
      throw BuildError(
        "\(contentFolder.relativePath)/\(path) already exists; kreds new never overwrites a file: \(advice)"
      )
    }
    do {
      try fileManager.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      // O_EXCL: a file made by someone else in the meantime is not overwritten either.
      let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
      guard descriptor >= 0 else {
        throw BuildError("cannot create \(url.path): \(String(cString: strerror(errno)))")
      }
      defer { close(descriptor) }
      let bytes = Array(text.utf8)
      guard write(descriptor, bytes, bytes.count) == bytes.count else {
        throw BuildError("cannot write \(url.path): \(String(cString: strerror(errno)))")
      }
    } catch let error as BuildError {
      throw error
    } catch {
      throw BuildError("cannot create \(url.path): \(error.localizedDescription)")
    }
    return url
  }

  static func file(for kind: Kind, contentFolder: URL) throws -> (String, String) {
    let skeletons = Skeletons(language: siteLanguage(contentFolder))
    switch kind {
    case .network(let slug, let title):
      guard Slug(slug) != nil else {
        throw BuildError(
          "'\(slug)' cannot be a network's address: use a–z, 0–9 and hyphens"
            + (Slug.make(from: slug).map { ", e.g. '\($0)'" } ?? ""))
      }
      return ("networks/\(slug)/index.md", skeletons.network(title: title))
    case .event(let network, let title, let start):
      try requireNetwork(network, in: contentFolder)
      let slug = try slug(date: start.date, title: title)
      return ("networks/\(network)/events/\(slug).md", skeletons.event(title: title, start: start))
    case .story(let network, let title, let date):
      try requireNetwork(network, in: contentFolder)
      let slug = try slug(date: date, title: title)
      return ("networks/\(network)/stories/\(slug).md", skeletons.story(title: title, date: date))
    case .newsletter(let network, let date):
      try requireNetwork(network, in: contentFolder)
      return (
        "networks/\(network)/newsletters/\(date)-\(skeletons.newsletterWord).md",
        skeletons.newsletter(date: date)
      )
    }
  }

  /// `2023-01-25-moede-om-klimaregnskaber` from the date and the title.
  static func slug(date: LocalDate, title: String) throws -> String {
    guard let titleSlug = Slug.make(from: title) else {
      throw BuildError("the title '\(title)' has no letters or digits to make a file name from")
    }
    return "\(date)-\(titleSlug)"
  }

  static func requireNetwork(_ network: String, in contentFolder: URL) throws {
    let index = contentFolder.appendingPathComponent("networks/\(network)/index.md")
    guard Slug(network) != nil, FileManager.default.fileExists(atPath: index.path) else {
      let known =
        (try? FileManager.default.contentsOfDirectory(
          atPath: contentFolder.appendingPathComponent("networks").path)) ?? []
      throw BuildError(
        "there is no network '\(network)' (no \(contentFolder.relativePath)/networks/\(network)/index.md)"
          + Suggestion.didYouMean(network, among: known.sorted()))
    }
  }

  /// The site's language from site.yaml, so that the placeholders are in the editors' language;
  /// Danish when it cannot be read.
  static func siteLanguage(_ contentFolder: URL) -> Language {
    SiteSettingsFile.read(in: contentFolder)?.language ?? .da
  }

  /// A YAML value in double quotes, so titles with `: ` or `#` stay text.
  static func quoted(_ text: String) -> String {
    "\""
      + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
        of: "\"", with: "\\\"") + "\""
  }

  /// Two hours after a timed start (the format's default end), or the same day.
  static func defaultEnd(_ start: LocalDateTime) -> String {
    guard let time = start.time else { return start.date.description }
    let minutes = time.minutesSinceMidnight + 120
    let end = LocalDateTime(
      date: start.date.adding(days: minutes / 1440),
      time: LocalTime(hour: minutes % 1440 / 60, minute: minutes % 60))
    return end.description
  }
}
