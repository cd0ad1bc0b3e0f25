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
