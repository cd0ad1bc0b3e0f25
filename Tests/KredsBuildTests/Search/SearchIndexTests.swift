import Foundation
import Testing

@testable import KredsBuild
@testable import KredsSite

/// The search index a build writes (issue 30): made from the resolved site, so a draft or an
/// item whose `publish:` time has not come is not in it; compounds and inflections find their
/// documents.
@Suite struct SearchIndexTests {
  /// Every file of the built index, as one text.
  static func indexText(_ output: URL) throws -> String {
    let data = output.appendingPathComponent("soeg/data")
    let files = try #require(FileManager.default.enumerator(atPath: data.path))
    var text = ""
    for case let path as String in files where path.hasSuffix(".json") {
      text += try String(contentsOf: data.appendingPathComponent(path), encoding: .utf8)
    }
    return text
  }

  @Test func draftsAndScheduledItemsAreNotInTheIndex() throws {
    let (folder, content, stories) = try Fixtures.oneNetworkSite(items: "stories")
    defer { try? FileManager.default.removeItem(at: folder) }
    for (name, frontMatter, body) in [
      ("havnebad", "title: Havnebad i Bogense\ndate: 2026-10-01", "Energitilskud til havnebadet."),
      ("ord", "title: Om energi\ndate: 2026-09-01", "Energi og tilskud går hånd i hånd."),
      (
        "udkast", "title: Hemmeligt udkast om vindmøller\ndate: 2026-10-02\ndraft: true",
        "Vindmølle."
      ),
      (
        "senere", "title: Kommende nyhed om solceller\ndate: 2026-10-03\npublish: 2027-01-11 08:00",
        "Solceller."
      ),
    ] {
      try "---\n\(frontMatter)\n---\n\n\(body)\n".write(
        to: stories.appendingPathComponent("\(name).md"), atomically: true, encoding: .utf8)
    }
    let output = folder.appendingPathComponent("site")
    let report = try SiteBuilder.run(Fixtures.options(content: content, output: output))
    #expect(report.errorCount == 0, "\(report.diagnostics)")
    let text = try Self.indexText(output)
    #expect(text.contains("Havnebad i Bogense") && text.contains("\"havnebad\""))
    for secret in ["Hemmeligt", "vindm", "Kommende nyhed", "solcell"] {
      #expect(!text.lowercased().contains(secret.lowercased()), "\(secret)")
    }
    // The compound's head is a key of its document: "tilskud" finds "Energitilskud".
    let data = output.appendingPathComponent("soeg/data")
    let documents = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: data.appendingPathComponent("d/0.json")))
        as? [[Any]])
    let havnebad = try #require(documents.firstIndex { $0[1] as? String == "Havnebad i Bogense" })
    let chunk = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: data.appendingPathComponent("t/ti.json")))
        as? [String: [String: Any]])
    let postings = try #require(chunk["k"]?["tilskud"] as? [Int])
    #expect(stride(from: 0, to: postings.count, by: 2).map { postings[$0] }.contains(havnebad))
    // The search page and the header's box.
    let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(home.contains("<form class=\"site-search\" role=\"search\""))
    #expect(home.contains("action=\"/soeg/\""))
    #expect(
      FileManager.default.fileExists(atPath: output.appendingPathComponent("soeg/index.html").path))
  }

  @Test func searchFalseLeavesSearchOut() throws {
    let (folder, content, _) = try Fixtures.oneNetworkSite(
      items: "stories", siteYAML: "search: false\n")
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("site")
    _ = try SiteBuilder.run(Fixtures.options(content: content, output: output))
    #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("soeg").path))
    let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(!home.contains("site-search"))
  }

  @Test func compoundsSplitIntoTheSitesOwnWords() {
    let words = CompoundWords(
      vocabulary: ["energi", "tilskud", "erhverv", "netvaerket", "plast", "landsby"], keys: [])
    #expect(words.parts(of: "energitilskud") == ["energi", "tilskud"])
    #expect(words.parts(of: "erhvervsnetvaerket") == ["erhverv", "netvaerket"])
    #expect(words.parts(of: "plastgenvinding") == ["plast", "genvinding"])
    #expect(words.parts(of: "landsbynetvaerket") == ["landsby", "netvaerket"])
    #expect(words.parts(of: "udvikling").isEmpty)
  }
}
