import Foundation

/// The default theme as compiled into the binary from `templates/` (by the EmbedTheme plugin),
/// so that a copied `kreds` works with no theme folder beside it.
public enum DefaultTheme {
  /// Every file of the theme by its path below `templates/` (`layout.mustache`,
  /// `assets/kreds.css`), sorted by path.
  public static let files: [(path: String, bytes: [UInt8])] = embeddedThemeFiles.map {
    // The plugin wrote the Base64 itself; a file that does not decode would be a bug there.
    ($0.path, Data(base64Encoded: $0.base64).map { [UInt8]($0) } ?? [])
  }

  /// The commit the binary was built from, or nil when it was not built in a git work tree.
  public static var commit: String? { embeddedCommit }
}
