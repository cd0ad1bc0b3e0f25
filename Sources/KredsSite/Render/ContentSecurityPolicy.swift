/// The Content Security Policy every page carries in `<meta http-equiv>` (a static host such
/// as GitHub Pages sends no headers of the site's choosing). The default theme loads its own
/// stylesheet, `time.js` and pictures and nothing inline, so the policy allows those and no
/// more: it limits what raw HTML let in by `unsafe_html: true` can do (SITE.md).
struct ContentSecurityPolicy: Sendable {
  /// The origins of the pictures that bodies show from other sites (``Site/externalImageOrigins``).
  var imageOrigins: [String]

  /// The policy of one page. `framesOwnPages`: the page previews the site's own embeddable
  /// lists in `<iframe>`s; no other page may frame anything.
  func value(framesOwnPages: Bool) -> String {
    [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      (["img-src 'self' data:"] + imageOrigins).joined(separator: " "),
      "font-src 'self'",
      "media-src 'self'",
      "connect-src 'self'",
      "frame-src " + (framesOwnPages ? "'self'" : "'none'"),
      "form-action 'self'",
      "base-uri 'none'",
    ].joined(separator: "; ")
  }
}
