import Foundation
import KredsBuild

/// Whether Kreds runs in a CI job (GitHub Actions, GitLab CI and most others set `CI`), where
/// nobody reads a note: there, a history that could not be read is a warning (CLI.md, "Change
/// history from git"), since calendar subscribers would not be told that a meeting moved.
enum ContinuousIntegration {
  static func isActive(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> Bool
  {
    if environment["GITHUB_ACTIONS"] == "true" || environment["GITLAB_CI"] == "true" {
      return true
    }
    guard let value = environment["CI"]?.lowercased() else { return false }
    return !["", "0", "false", "no"].contains(value)
  }

  /// `report` as a CI job should see it: the notes about a history that could not be read
  /// become run warnings, each with what to change in the recipe. Unchanged outside CI.
  static func applied(
    to report: SiteBuilder.Report, inCI: Bool = ContinuousIntegration.isActive()
  ) -> SiteBuilder.Report {
    guard inCI, report.historyIsIncomplete else { return report }
    var changed = report
    changed.runWarnings += report.notes.map {
      $0
        + "; in CI, calendar subscribers are not told that a meeting moved: check out the whole history (GitHub: fetch-depth: 0; GitLab: GIT_DEPTH: \"0\") and install git in the job"
    }
    changed.notes = []
    return changed
  }
}
