import Foundation
import KredsSite

/// `kreds init`: a new site that builds at once, with one of each kind of content, an editors'
/// README, a `.gitignore` and the publishing recipes, all in the site's language. It writes into
/// a folder that is new or empty, and never over a file.
public enum NewSite {
  public struct Settings: Sendable {
    public var language: Language
    public var title: String?
    public var baseURL: String?
    /// The day the site is made: the example meeting is two weeks later.
    public var today: LocalDate

    public init(language: Language, title: String?, baseURL: String?, today: LocalDate) {
      self.language = language
      self.title = title
      self.baseURL = baseURL
      self.today = today
    }
  }

  /// The files of the new site, by path below its folder.
  public static func files(_ settings: Settings) -> [(path: String, text: String)] {
    let danish = settings.language == .da
    let skeletons = Skeletons(language: settings.language)
    let title = settings.title ?? (danish ? "Vores erhvervsnetværk" : "Our business network")
    let baseURL = settings.baseURL ?? "https://www.example.dk/"
    let network = danish ? "vores-netvaerk" : "our-network"
    let networkTitle = danish ? "Vores netværk" : "Our network"
    let meetingDay = settings.today.adding(days: 14)
    let meetingTitle = danish ? "Første netværksmøde" : "First network meeting"
    let storyTitle = danish ? "Velkommen til vores nye hjemmeside" : "Welcome to our new website"
    let meeting = LocalDateTime(date: meetingDay, time: LocalTime(hour: 9, minute: 0))
    // Both made from titles with letters, so they always have a slug.
    let meetingSlug = (try? NewContent.slug(date: meetingDay, title: meetingTitle)) ?? "meeting"
    let storySlug = (try? NewContent.slug(date: settings.today, title: storyTitle)) ?? "story"
    let page = danish ? "om" : "about"
    return [
      ("content/site.yaml", siteYAML(title: title, baseURL: baseURL, language: settings.language)),
      ("content/networks/\(network)/index.md", skeletons.network(title: networkTitle)),
      (
        "content/networks/\(network)/events/\(meetingSlug).md",
        skeletons.event(title: meetingTitle, start: meeting)
      ),
      (
        "content/networks/\(network)/stories/\(storySlug).md",
        skeletons.story(title: storyTitle, date: settings.today)
      ),
      ("content/pages/\(page).md", freePage(language: settings.language)),
      ("content/media/.gitkeep", ""),
      ("README.md", PublishingRecipes.readme(title: title, language: settings.language)),
      (
        ".gitignore",
        "# Made by kreds build and kreds serve; never edit or commit them.\nsite/\n.kreds-cache/\n"
      ),
      (".github/workflows/kreds.yml", PublishingRecipes.gitHubWorkflow),
      (".gitlab-ci.yml", PublishingRecipes.gitLabCI),
    ]
  }

  /// Writes the site into `folder` and returns the paths written, sorted. Throws
  /// ``BuildError`` when `folder` exists and is not empty, or cannot be written; then nothing is
  /// left behind.
  public static func create(at folder: URL, _ settings: Settings) throws -> [String] {
    let fileManager = FileManager.default
    _ = try EmptyFolder.isNew(
      folder, command: "kreds init", advice: "name a new folder, e.g. 'kreds init mit-netvaerk'")
    // Everything is written into a new folder beside it, then moved into place in one step, so
    // that a failure leaves no half-made site.
    let parent = folder.standardizedFileURL.deletingLastPathComponent()
    let staging = parent.appendingPathComponent(".kreds-init-\(UUID().uuidString)")
    do {
      try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
      let files = files(settings)
      for (path, text) in files {
        let url = staging.appendingPathComponent(path)
        try fileManager.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .withoutOverwriting)
      }
      if fileManager.fileExists(atPath: folder.path) {
        // The empty folder may be the shell's current one: it stays, and what was made moves
        // into it entry by entry. A name that has appeared there since is not written over.
        for entry in try fileManager.contentsOfDirectory(atPath: staging.path).sorted() {
          try fileManager.moveItem(
            at: staging.appendingPathComponent(entry), to: folder.appendingPathComponent(entry))
        }
        try fileManager.removeItem(at: staging)
      } else {
        try fileManager.moveItem(at: staging, to: folder)
      }
      return files.map(\.path).sorted()
    } catch {
      try? fileManager.removeItem(at: staging)
      if let error = error as? BuildError { throw error }
      throw BuildError(
        "cannot create the site in '\(folder.relativePath)': \(error.localizedDescription)")
    }
  }

  private static func siteYAML(title: String, baseURL: String, language: Language) -> String {
    let address = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    if language == .da {
      return """
        # Sidens indstillinger. Alle nøgler: kør 'kreds docs content' (indholdets format).
        title: \(NewContent.quoted(title))
        base_url: \(address)
        language: da
        timezone: Europe/Copenhagen
        description: "Møder, historier og nyhedsbreve fra vores erhvervsnetværk."
        organisation:
          name: "Skriv organisationens navn"
          url: https://www.example.dk/
          email: kontakt@example.dk
        # newsletter_unsubscribe: "*|UNSUB|*"    # mailværktøjets afmeldingsfelt, eller en https://-adresse
        # postal_address: "Erhvervshuset, Havnegade 1, 5000 Odense C"

        """
    }
    return """
      # The site's settings. Every key: run 'kreds docs content' (the content format).
      title: \(NewContent.quoted(title))
      base_url: \(address)
      language: en
      timezone: Europe/Copenhagen
      description: "Meetings, stories and newsletters from our business network."
      organisation:
        name: "Write the organisation's name"
        url: https://www.example.dk/
        email: contact@example.dk
      # newsletter_unsubscribe: "*|UNSUB|*"    # your mail tool's unsubscribe tag, or an https:// address
      # postal_address: "Business Centre, 1 Harbour Street, 5000 Odense C"

      """
  }

  private static func freePage(language: Language) -> String {
    if language == .da {
      return """
        ---
        title: Om netværket
        summary: Hvem vi er, og hvordan man bliver medlem.
        menu: 1
        ---

        Skriv om netværket her: hvem står bag, hvem er det for, og hvordan kommer man med?

        """
    }
    return """
      ---
      title: About the network
      summary: Who we are, and how to join.
      menu: 1
      ---

      Write about the network here: who runs it, who it is for, and how to join.

      """
  }
}
