import Foundation
import Testing

@testable import KredsBuild
@testable import KredsSite

/// `serve` keeps a parse cache between rebuilds: only changed files are parsed again, and the
/// result is the same as a build from scratch.
@Suite struct ParseCacheTests {
  @Test func reparsesOnlyChangedFilesAndGivesTheSameSite() throws {
    let (folder, content) = try Fixtures.copyOfExampleContent()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = ParseCache()
    let options = Fixtures.options(content: content, output: nil)

    _ = try SiteBuilder.run(options, cache: cache)
    #expect(cache.hitCount == 0)
    _ = try SiteBuilder.run(options, cache: cache)
    #expect(cache.hitCount > 0)
    let hitsAfterSecond = cache.hitCount

    let page = content.appendingPathComponent("pages/om.md")
    let text = try String(contentsOf: page, encoding: .utf8)
    try text.replacingOccurrences(of: "title: ", with: "title: Ny titel · ").write(
      to: page, atomically: true, encoding: .utf8)
    let third = try SiteBuilder.run(options, cache: cache)
    // Every file but the edited one came from the cache.
    #expect(cache.hitCount - hitsAfterSecond == hitsAfterSecond - 1)

    let fresh = try SiteBuilder.run(options)
    let cachedBytes = (third.files ?? []).map { file -> String in
      if case .bytes(let bytes) = file.content {
        return file.path + String(decoding: bytes, as: UTF8.self)
      }
      return file.path
    }
    let freshBytes = (fresh.files ?? []).map { file -> String in
      if case .bytes(let bytes) = file.content {
        return file.path + String(decoding: bytes, as: UTF8.self)
      }
      return file.path
    }
    #expect(cachedBytes == freshBytes)
    #expect(cachedBytes.contains { $0.contains("Ny titel · ") })
  }
}
