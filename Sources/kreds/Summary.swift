import Foundation
import KredsBuild

/// The one summary line every run ends with (CLI.md, "What a run prints").
enum Summary {
  /// "2 errors, 1 warning in 3 files".
  static func problems(_ report: SiteBuilder.Report) -> String {
    let errors = plural(report.errorCount, "error", "errors")
    let warnings = plural(report.warningCount, "warning", "warnings")
    let files = plural(report.fileCount, "file", "files")
    return "\(errors), \(warnings) in \(files)"
  }

  /// "next change: 2027-01-20 09:00 (Morgenmøde om energi begins)", in the site's time zone.
  static func nextChange(_ report: SiteBuilder.Report) -> String? {
    guard report.files != nil, let zone = report.timeZone else { return nil }
    guard let change = report.nextChange else { return "next change: none" }
    return "next change: \(change.localText(in: zone)) (\(change.reason))"
  }

  /// "note: …" lines: why the git history could not give every file's times.
  static func notes(_ report: SiteBuilder.Report) -> [String] {
    report.notes.map { "note: " + $0 }
  }

  /// The run's last line in `--format json`: counts and the next change.
  static func json(_ report: SiteBuilder.Report) -> String {
    var summary: [String: Any] = [
      "errors": report.errorCount, "warnings": report.warningCount, "pages": report.pageCount,
    ]
    if let change = report.nextChange, let zone = report.timeZone {
      summary["next_change"] = change.isoText(in: zone)
      summary["next_change_kind"] = change.kind.rawValue
      summary["next_change_reason"] = change.reason
    }
    if !report.notes.isEmpty { summary["notes"] = report.notes }
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: ["summary": summary], options: [.sortedKeys, .withoutEscapingSlashes])
    else { return "" }
    return String(decoding: data, as: UTF8.self)
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
