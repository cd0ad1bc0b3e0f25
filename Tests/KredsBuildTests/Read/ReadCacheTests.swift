import Foundation
import Testing

@testable import KredsBuild
@testable import KredsSite

/// `serve` reads again only the content files whose size, times or inode changed.
@Suite struct ReadCacheTests {
  /// A content folder with one event, written `age` seconds ago.
  func contentFolder(age: TimeInterval) throws -> (folder: URL, event: URL) {
    let content = try Fixtures.temporaryFolder().appendingPathComponent("content")
    try FileManager.default.createDirectory(
      at: content.appendingPathComponent("events"), withIntermediateDirectories: true)
    try "title: Test\nbase_url: https://example.dk/\n".write(
      to: content.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
    let event = content.appendingPathComponent("events/2026-12-01-moede.md")
    try "---\ntitle: Møde A\nstart: 2026-12-01 16:00\n---\n".write(
      to: event, atomically: false, encoding: .utf8)
    for file in [event, content.appendingPathComponent("site.yaml")] {
      try FileManager.default.setAttributes(
        [.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: file.path)
    }
    return (content, event)
  }

  func bytes(_ result: ContentDiscovery.Result, _ path: String) -> String? {
    result.files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
  }

  @Test func rereadsAFileChangedInPlaceToTheSameSize() throws {
    // The change time is set by the kernel at every write, so only the written file is recent.
    let (content, event) = try contentFolder(age: 60)
    defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
    let cache = ReadCache()
    let first = try ContentDiscovery.discover(contentFolder: content, unchanged: cache)
    #expect(bytes(first, "events/2026-12-01-moede.md")?.contains("Møde A") == true)

    let handle = try FileHandle(forWritingTo: event)
    try handle.write(contentsOf: Data("---\ntitle: Møde B\nstart: 2026-12-01 16:00\n---\n".utf8))
    try handle.close()
    let second = try ContentDiscovery.discover(contentFolder: content, unchanged: cache)
    #expect(bytes(second, "events/2026-12-01-moede.md")?.contains("Møde B") == true)
  }

  @Test func keepsOldFilesAndRereadsRecentOnes() throws {
    let (content, _) = try contentFolder(age: 60)
    defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
    var status = stat()
    #expect(stat(content.appendingPathComponent("site.yaml").path, &status) == 0)

    // Just written: a save within the same tick of the file clock would look the same.
    let now = ReadCache()
    _ = try ContentDiscovery.discover(contentFolder: content, unchanged: now)
    #expect(now.bytes(of: "site.yaml", status: status) == nil)

    // Ten seconds later the file is safely older than the clock's tick.
    let later = ReadCache(clock: { Int(Date().timeIntervalSince1970) + 10 })
    _ = try ContentDiscovery.discover(contentFolder: content, unchanged: later)
    let kept = later.bytes(of: "site.yaml", status: status).map {
      String(decoding: $0, as: UTF8.self)
    }
    #expect(kept == "title: Test\nbase_url: https://example.dk/\n")
  }
}
