import Foundation
import KredsSite

/// The whole pipeline: discover, parse, resolve, render, and (for `build`) write.
public enum SiteBuilder {
  public struct Options: Sendable {
    public var contentFolder: URL
    public var templatesFolder: URL?
    public var outputFolder: URL?
    public var baseURL: String?
    public var now: Date
    /// `SOURCE_DATE_EPOCH` when set, else the time of the run; nil reads the environment.
    public var buildTime: Date?
    public var includeDrafts: Bool
    /// Include items whose `publish:` time is after `now`, marked (`--future`).
    public var includeFuture = false
    /// The default theme's folder; nil uses `KREDS_THEME`, or else the theme compiled into the
    /// binary (``ThemeLoader/defaultThemeFolder()``).
    public var themeFolder: URL?
    /// Strict template mode (``Theme/checkingNames()``): a name that a template looks up and no
    /// context holds is an error. The tests build every fixture site this way.
    public var strictTemplates = false
    /// Read the content folder's git history for default `updated` times and event sequences
    /// (``GitHistory``). `build` and `check` do; previews and tests build from the files alone.
    public var readsHistory = false
    /// Where made pictures are kept between runs; nil: `.kreds-cache/` beside the content
    /// folder (``ImageStore/defaultCacheFolder(contentFolder:)``).
    public var imageCacheFolder: URL?

    /// A store of made pictures in the cache these options name; one per run, since it
    /// remembers the originals it has read.
    public var imageStore: ImageStore {
      ImageStore(
        cacheFolder: imageCacheFolder
          ?? ImageStore.defaultCacheFolder(contentFolder: contentFolder))
    }

    public init(
      contentFolder: URL, templatesFolder: URL?, outputFolder: URL?, baseURL: String? = nil,
      now: Date,
      includeDrafts: Bool = false, themeFolder: URL? = nil
    ) {
      self.contentFolder = contentFolder
      self.templatesFolder = templatesFolder
      self.outputFolder = outputFolder
      self.baseURL = baseURL
      self.now = now
      self.includeDrafts = includeDrafts
      self.themeFolder = themeFolder
    }
  }

  /// What a run did.
  public struct Report: Sendable {
    public var diagnostics: [Diagnostic]
    /// Nil when the content has errors (nothing was written).
    public var files: [OutputFile]?
    public var pageCount: Int { files?.filter { $0.path.hasSuffix(".html") }.count ?? 0 }
    public var feedCount: Int {
      files?.filter {
        $0.path.hasSuffix(".xml") && $0.path != "sitemap.xml" || $0.path.hasSuffix(".ics")
      }.count ?? 0
    }
    /// Files with diagnostics, for the summary line.
    public var fileCount: Int { Set(diagnostics.map(\.file)).count }
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    /// The diagnostics' warnings and the run's own (``runWarnings``).
    public var warningCount: Int {
      diagnostics.filter { $0.severity == .warning }.count + runWarnings.count
    }
    /// The next instant at which the output would differ (nil with errors, or when none).
    public var nextChange: NextChange? = nil
    /// The site's time zone, to tell ``nextChange`` in (nil with errors).
    public var timeZone: TimeZone? = nil
    /// Said once under the summary: why the git history could not give every file's times.
    public var notes: [String] = []
    /// The content is in a git repository whose history could not be read (``notes`` says
    /// why): calendar apps may not be told of changes. A warning in CI.
    public var historyIsIncomplete = false
    /// Warnings about the run as a whole rather than a place in a file: the command line moves
    /// the history's notes here in CI (`ContinuousIntegration`).
    public var runWarnings: [String] = []
    /// Picture variants made with libvips in this run, and taken from the picture cache.
    public var picturesMade = 0
    public var picturesFromCache = 0
  }

  /// Validates and renders; writes only when `options.outputFolder` is set and there are no
  /// errors. Throws ``BuildError`` when the command cannot run at all.
  ///
  /// With a `cache` (kept by `serve` between rebuilds), files whose bytes did not change since
  /// the last run are not parsed again.
  public static func run(_ options: Options, cache: ParseCache? = nil) throws -> Report {
    let images = options.imageStore
    var report = try render(options, cache: cache, images: images)
    (report.picturesMade, report.picturesFromCache) = images.counts
    return report
  }

  private static func render(_ options: Options, cache: ParseCache?, images: ImageStore) throws
    -> Report
  {
    if let output = options.outputFolder {
      try OutputFolder.check(
        output: output, content: options.contentFolder, templates: options.templatesFolder)
    }
    let prepared = try prepare(options, cache: cache, images: images)
    var diagnostics = prepared.diagnostics
    guard let site = prepared.site, var theme = prepared.theme else {
      return Report(
        diagnostics: diagnostics, files: nil, notes: prepared.notes,
        historyIsIncomplete: prepared.historyIsIncomplete)
    }
    if options.strictTemplates { theme = theme.checkingNames() }
    let files = SiteRenderer.render(site, theme: theme)
    let missingNames = theme.missingNameDiagnostics()
    if !missingNames.isEmpty {
      return Report(
        diagnostics: (diagnostics + missingNames).sorted(), files: nil, notes: prepared.notes,
        historyIsIncomplete: prepared.historyIsIncomplete)
    }
    let sizeProblems = NewsletterEmail.sizeDiagnostics(of: files, site: site).map(
      prepared.displayed)
    if !sizeProblems.isEmpty {
      diagnostics = (diagnostics + sizeProblems).sorted()
      if diagnostics.containsErrors {
        return Report(
          diagnostics: diagnostics, files: nil, notes: prepared.notes,
          historyIsIncomplete: prepared.historyIsIncomplete)
      }
    }
    if let output = options.outputFolder {
      try SiteWriter.write(
        files, to: output, contentFolder: options.contentFolder, images: images)
    }
    return Report(
      diagnostics: diagnostics, files: files, nextChange: site.nextChange,
      timeZone: site.settings.timeZone, notes: prepared.notes,
      historyIsIncomplete: prepared.historyIsIncomplete)
  }

  /// What `serve` shows after a change: the site with its files rendered on request.
  public struct Preview: Sendable {
    public var diagnostics: [Diagnostic]
    /// Nil when the content has errors.
    public var site: OnDemandSite?
    /// Prefixes a diagnostic's file with the content folder, as ``run(_:cache:)`` prints it.
    public var displayed: @Sendable (Diagnostic) -> Diagnostic
  }

  /// Validates like ``run(_:cache:)`` and plans the site without rendering it, for `serve`. The
  /// sizes of newsletter emails are not checked: ``OnDemandSite/emailSizeDiagnostics()`` does
  /// that once the preview is shown.
  public static func preview(
    _ options: Options, cache: ParseCache, images: ImageStore? = nil
  ) throws -> Preview {
    let prepared = try prepare(options, cache: cache, images: images ?? options.imageStore)
    guard let site = prepared.site, let theme = prepared.theme else {
      return Preview(diagnostics: prepared.diagnostics, site: nil, displayed: prepared.displayed)
    }
    return Preview(
      diagnostics: prepared.diagnostics,
      site: OnDemandSite(plan: SitePlan(site: site, theme: theme, onRequest: true)),
      displayed: prepared.displayed)
  }

  /// The steps before rendering: theme, discovery, parsing, resolving.
  struct Prepared {
    var diagnostics: [Diagnostic]
    /// Nil when there are errors.
    var site: Site?
    var theme: Theme?
    var displayed: @Sendable (Diagnostic) -> Diagnostic
    var notes: [String] = []
    var historyIsIncomplete = false
  }

  static func prepare(_ options: Options, cache: ParseCache?, images: ImageStore? = nil) throws
    -> Prepared
  {
    let images = images ?? options.imageStore
    // The git history is read while the theme and content are read and parsed: its time is
    // mostly git's own, in processes of their own.
    let contentFolder = options.contentFolder
    let pendingHistory =
      options.readsHistory ? Pending { GitHistory.read(contentFolder: contentFolder) } : nil
    let (themeLoad, discovery) = readThemeAndContent(options, cache: cache)
    let themeResult = try themeLoad.get()
    if let url = options.baseURL, !url.hasPrefix("http://"), !url.hasPrefix("https://") {
      throw BuildError(
        "--base-url must be a full address starting with https:// or http://, found '\(url)'")
    }
    let discovered = try discovery.get()
    let parsed = parseAll(discovered.files, cache: cache)

    var resolveOptions = SiteResolver.Options(
      now: options.now, buildTime: try options.buildTime ?? BuildTime.fromEnvironment(),
      includeDrafts: options.includeDrafts, baseURLOverride: options.baseURL)
    resolveOptions.includeFuture = options.includeFuture
    resolveOptions.history = pendingHistory?.value ?? .none
    resolveOptions.mediaFacts = MediaInspector.inspect(
      paths: discovered.files.map(\.path).filter { $0.hasPrefix("media/") },
      contentFolder: options.contentFolder, store: images)
    let resolved = SiteResolver.resolve(parsed, options: resolveOptions)
    // Printed paths start at the content folder as the editor named it.
    let prefix = displayPrefix(options.contentFolder)
    let displayed: @Sendable (Diagnostic) -> Diagnostic = { diagnostic in
      var copy = diagnostic
      copy.file = prefix + diagnostic.file
      return copy
    }
    var diagnostics = (discovered.diagnostics + resolved.diagnostics).map(displayed)
    diagnostics += themeResult.diagnostics
    diagnostics.sort()
    let history = resolveOptions.history
    guard let site = resolved.site, let theme = themeResult.theme, !diagnostics.containsErrors
    else {
      return Prepared(
        diagnostics: diagnostics, site: nil, theme: nil, displayed: displayed,
        notes: history.notes, historyIsIncomplete: history.isIncomplete)
    }
    return Prepared(
      diagnostics: diagnostics, site: site, theme: theme, displayed: displayed,
      notes: history.notes, historyIsIncomplete: history.isIncomplete)
  }

  /// The theme, read on another core while the content is listed. Its problems come first, as
  /// when the two were read one after the other.
  private static func readThemeAndContent(_ options: Options, cache: ParseCache?) -> (
    Result<(theme: Theme?, diagnostics: [Diagnostic]), Error>,
    Result<ContentDiscovery.Result, Error>
  ) {
    let themeFolder = options.themeFolder ?? ThemeLoader.defaultThemeFolder()
    let templatesFolder = options.templatesFolder
    let (themeLoad, discovery) = Parallel.both({
      Result {
        try ThemeLoader.load(
          defaultFolder: themeFolder, siteTemplates: templatesFolder, cache: cache?.themes)
      }
    }) {
      Result {
        try ContentDiscovery.discover(
          contentFolder: options.contentFolder, unchanged: cache?.unchangedFiles)
      }
    }
    return (themeLoad, discovery)
  }

  /// Every file parsed, `site.yaml` first (the others are parsed with its settings): from the
  /// cache when its bytes are unchanged, the rest on every core.
  private static func parseAll(_ files: [SourceFile], cache: ParseCache?) -> [ParsedFile] {
    let settingsFile = files.first { $0.path == "site.yaml" }
    let parsedSettings = settingsFile.map(ContentParser.parseSettings)
    var settings: SiteSettings?
    if case .settings(let value)? = parsedSettings?.item { settings = value }
    let others = files.filter { $0.path != "site.yaml" }
    let siteSettings = settings
    let settingsBytes = settingsFile?.bytes ?? []
    // Files from the cache first, on this thread: after an edit in `serve` that is all but one,
    // and handing thousands of lookups to the pool would cost more than they do.
    var parsed = others.map { cache?.parsed($0, settingsBytes: settingsBytes) }
    let toParse = parsed.indices.filter { parsed[$0] == nil }
    let fresh = Parallel.map(toParse) { index in
      let result = ContentParser.parse(others[index], settings: siteSettings)
      cache?.store(result, for: others[index], settingsBytes: settingsBytes)
      return result
    }
    for (index, result) in zip(toParse, fresh) { parsed[index] = result }
    cache?.forgetAllBut(others)
    return (parsedSettings.map { [$0] } ?? []) + parsed.compactMap { $0 }
  }

  /// The content folder as the editor named it, so printed paths open from where they stand:
  /// `content/` for the default.
  static func displayPrefix(_ folder: URL) -> String {
    var path = folder.relativePath
    if path == "." { return "" }
    if !path.hasSuffix("/") { path += "/" }
    return path
  }
}
