import Foundation
import Hummingbird
import KredsBuild
import KredsSite
import Logging

/// Runs builds one at a time and hands each result to the state.
actor Rebuilder {
  let options: SiteBuilder.Options
  let cache: ParseCache
  /// One store for the whole preview: each original is fingerprinted once until it changes.
  let images: ImageStore
  let state: PreviewState
  let log: @Sendable (String) -> Void
  private var running = false
  private var pending = false
  /// The site whose email sizes are being checked in the background.
  private var checkedSite: OnDemandSite?

  init(
    options: SiteBuilder.Options, cache: ParseCache, images: ImageStore, state: PreviewState,
    log: @escaping @Sendable (String) -> Void
  ) {
    self.options = options
    self.cache = cache
    self.images = images
    self.state = state
    self.log = log
  }

  /// Builds now, or once more after the build under way when one is running.
  func run(reason: String?) async {
    if running {
      pending = true
      return
    }
    running = true
    repeat {
      pending = false
      // The previous site's email check would only slow this build down.
      checkedSite?.stopChecking()
      let started = Date()
      do {
        let preview = try SiteBuilder.preview(options, cache: cache, images: images)
        for diagnostic in preview.diagnostics { log(diagnostic.formatted()) }
        // Milliseconds under a second: rebuilds after an edit take tens of them.
        let elapsed = Date().timeIntervalSince(started)
        let seconds =
          elapsed < 1 ? "\(Int((elapsed * 1000).rounded())) ms" : String(format: "%.2f s", elapsed)
        if let site = preview.site {
          log(
            "\(reason == nil ? "Built" : "Rebuilt") \(site.plan.pageCount) pages in \(seconds)")
        } else {
          let errors = preview.diagnostics.filter { $0.severity == .error }.count
          // Before the first good build there is no site to fall back on: pages show the problems.
          let serving =
            await state.hasGoodBuild
            ? "still serving the last good site" : "pages show the problems until they are fixed"
          log("\(errors) error\(errors == 1 ? "" : "s") in the content; \(serving)")
        }
        let number = await state.update(with: preview)
        if let site = preview.site {
          checkedSite = site
          checkEmailSizes(of: site, build: number, preview)
        }
      } catch {
        log("error: \(error)")
      }
    } while pending
    running = false
  }

  /// Renders the newsletter emails after the site is shown, and reports those too large for
  /// Gmail as `build` would (as errors in the terminal and over the pages). Unlike `build`,
  /// which writes nothing then, the site stays shown: the preview is of the latest content.
  private func checkEmailSizes(
    of site: OnDemandSite, build number: Int, _ preview: SiteBuilder.Preview
  ) {
    let state = self.state
    let log = self.log
    let displayed = preview.displayed
    // A thread of its own: the check renders every email, and would hold one of the few
    // threads that serve requests for as long.
    let thread = Thread {
      guard let problems = site.emailSizeDiagnostics() else { return }
      let shown = problems.map(displayed)
      for diagnostic in shown { log(diagnostic.formatted()) }
      Task { await state.add(shown, toBuild: number) }
    }
    thread.name = "kreds-email-sizes"
    thread.qualityOfService = .utility
    thread.start()
  }
}
