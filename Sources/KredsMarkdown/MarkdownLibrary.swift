import CCmarkGFM

/// The Markdown library Kreds is linked with, for `kreds --version`.
public enum MarkdownLibrary {
  /// cmark-gfm's own version, such as `0.29.0.gfm.6`.
  public static var version: String { String(cString: cmark_version_string()) }
}
