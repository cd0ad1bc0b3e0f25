import Foundation
import KredsBuild
import KredsSite

/// The one summary line every run ends with (CLI.md, "What a run prints").
enum Summary {
  /// "2 errors, 1 warning in 3 files"; without the files when only the run itself was warned
  /// about (`Report.runWarnings`).
  static func problems(_ report: SiteBuilder.Report) -> String {
    let errors = plural(report.errorCount, "error", "errors")
    let warnings = plural(report.warningCount, "warning", "warnings")
    guard report.fileCount > 0 else { return "\(errors), \(warnings)" }
    let files = plural(report.fileCount, "file", "files")
    return "\(errors), \(warnings) in \(files)"
  }

  /// "next change: 2027-01-20 09:00 (Morgenmøde om energi begins)", in the site's time zone.
  static func nextChange(_ report: SiteBuilder.Report) -> String? {
    guard report.files != nil, let zone = report.timeZone else { return nil }
    guard let change = report.nextChange else { return "next change: none" }
    return "next change: \(change.localText(in: zone)) (\(change.reason))"
  }

  /// "note: …" lines: why the git history could not give every file's times (in CI, those are
  /// run warnings instead, printed with the diagnostics).
  static func notes(_ report: SiteBuilder.Report) -> [String] {
    report.notes.map { "note: " + $0 }
  }

  /// "pictures: 2 made, 10 from the cache", when the run wrote pictures.
  static func pictures(_ report: SiteBuilder.Report) -> String? {
    guard report.picturesMade + report.picturesFromCache > 0 else { return nil }
    return
      "pictures: \(grouped(report.picturesMade)) made, \(grouped(report.picturesFromCache)) from the cache"
  }

  /// The run's last line in `--format json`: counts and the next change.
  static func json(_ report: SiteBuilder.Report) -> String {
    var summary: [String: JSONValue] = [
      "errors": .number(report.errorCount), "warnings": .number(report.warningCount),
      "pages": .number(report.pageCount),
    ]
    if report.picturesMade + report.picturesFromCache > 0 {
      summary["pictures_made"] = .number(report.picturesMade)
      summary["pictures_from_cache"] = .number(report.picturesFromCache)
    }
    if let change = report.nextChange, let zone = report.timeZone {
      summary["next_change"] = .string(change.isoText(in: zone))
      summary["next_change_kind"] = .string(change.kind.rawValue)
      summary["next_change_reason"] = .string(change.reason)
    }
    if !report.notes.isEmpty { summary["notes"] = .array(report.notes.map(JSONValue.string)) }
    return JSONValue.object(["summary": .object(summary)]).text
  }

  static func plural(_ count: Int, _ one: String, _ many: String) -> String {
    "\(grouped(count)) \(count == 1 ? one : many)"
  }

  /// 13742 → "13 742", as in the CLI spec.
  static func grouped(_ number: Int) -> String {
    let digits = Array(String(number))
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { result += " " }
      result.append(digit)
    }
    return result
  }

  static func seconds(since start: Date) -> String {
    String(format: "%.2f s", Date().timeIntervalSince(start))
  }
}
