import Foundation
import Synchronization

/// A site whose files are rendered when first asked for, then kept: `serve` swaps one in after
/// each change without rendering thousands of pages the editor is not looking at. Safe to use
/// from any thread.
public final class OnDemandSite: @unchecked Sendable {
  public let plan: SitePlan
  private let lock = NSLock()
  private var renderedJobs: [Int: [OutputFile]] = [:]
  private let stopped = Atomic<Bool>(false)

  public init(plan: SitePlan) {
    self.plan = plan
  }

  /// The file at `path` (below the site root), rendering it first when needed; nil when the site
  /// has no such file.
  public func file(at path: String) -> OutputFile? {
    if let fixed = plan.fixedFile(path) { return fixed }
    if path == "sitemap.xml" { return plan.sitemap() }
    guard let job = plan.job(making: path) else { return nil }
    return files(ofJob: job, renderer: nil).first { $0.path == path }
  }

  /// The files of `job`, rendered once. Two threads asking at once may both render it; the
  /// results are the same bytes.
  func files(ofJob job: Int, renderer: SitePlan.Renderer?) -> [OutputFile] {
    lock.lock()
    let kept = renderedJobs[job]
    lock.unlock()
    if let kept { return kept }
    let files = plan.render(job: job, with: renderer ?? plan.makeRenderer())
    lock.lock()
    renderedJobs[job] = files
    lock.unlock()
    return files
  }

  /// Renders the newsletter emails on all cores and returns their size diagnostics (see
  /// ``NewsletterEmail/sizeDiagnostics(of:site:)``); nil when ``stopChecking()`` was called
  /// first. `build` checks the sizes before it writes; `serve` runs this after it has swapped the
  /// site in, so that an edit shows at once.
  public func emailSizeDiagnostics() -> [Diagnostic]? {
    let emails = Parallel.map(plan.emailJobs, makeWorker: plan.makeRenderer) {
      renderer, job -> [OutputFile]? in
      isStopped ? nil : files(ofJob: job, renderer: renderer)
    }
    guard !isStopped else { return nil }
    return NewsletterEmail.sizeDiagnostics(of: emails.flatMap { $0 ?? [] }, site: plan.site)
  }

  /// Ends ``emailSizeDiagnostics()`` early: a newer site has replaced this one.
  public func stopChecking() { stopped.store(true, ordering: .relaxed) }

  private var isStopped: Bool { stopped.load(ordering: .relaxed) }
}
