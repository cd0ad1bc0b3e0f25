import Foundation
import KredsCalendar

/// The resolve step: checks everything that needs the whole site (references between files,
/// unique slugs, media that must exist, series expansion) and builds the ``Site``.
public enum SiteResolver {
  public struct Options: Sendable {
    public var now: Date
    public var buildTime: Date
    public var includeDrafts: Bool
    /// Include items whose `publish:` time is after `now` (`--future`), marked as scheduled.
    public var includeFuture = false
    /// The content's git history: default `updated` times and event `SEQUENCE`s.
    public var history = ContentHistory.none
    public var baseURLOverride: String?
    /// What the caller found by reading the files of `media/` (``MediaFacts``): images' sizes
    /// and problems. Without it, media are only checked to exist.
    public var mediaFacts: [String: MediaFacts] = [:]

    public init(
      now: Date, buildTime: Date? = nil, includeDrafts: Bool = false, baseURLOverride: String? = nil
    ) {
      self.now = now
      self.buildTime = buildTime ?? now
      self.includeDrafts = includeDrafts
      self.baseURLOverride = baseURLOverride
    }
  }

  /// The site, or nil when there are errors; the diagnostics of the parse and resolve steps
  /// together, sorted.
  public static func resolve(_ files: [ParsedFile], options: Options) -> (
    site: Site?, diagnostics: [Diagnostic]
  ) {
    var resolver = Resolver(files: files, options: options)
    resolver.run()
    let diagnostics = (files.flatMap(\.diagnostics) + resolver.diagnostics).sorted()
    guard !diagnostics.containsErrors else { return (nil, diagnostics) }
    return (resolver.site, diagnostics)
  }
}
