import KredsDefaultTheme
import KredsMarkdown

/// What `kreds --version` reports: enough to tell two binaries apart in a bug report.
public enum KredsVersion {
  /// The release; `make dist` names its packages after it.
  public static let release = "1.0.0"

  /// The commit the binary was built from, when it was built in a git work tree.
  public static var commit: String? { DefaultTheme.commit }

  /// The Swift language version the compiler supported.
  public static var swift: String {
    #if swift(>=6.3)
      return "6.3"
    #elseif swift(>=6.2)
      return "6.2"
    #elseif swift(>=6.1)
      return "6.1"
    #else
      return "6.0"
    #endif
  }

  /// `kreds 1.0.0 (commit 543bd4b9652d)`, then Swift and cmark-gfm.
  public static var description: String {
    "kreds \(release)" + (commit.map { " (commit \($0))" } ?? "") + "\nSwift \(swift)\ncmark-gfm "
      + MarkdownLibrary.version
  }
}
