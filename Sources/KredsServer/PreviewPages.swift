import KredsSite

/// What `serve` adds to pages, and never `build`: the reload script and the list of problems.
enum PreviewPages {
  static let reloadPath = "/__kreds/reload"

  static let reloadScript = """
    <script>(function(){var s=new EventSource("\(reloadPath)");s.onmessage=function(){location.reload();};})();</script>
    """

  /// `html` with the reload script, and with the diagnostics over the page when there are any.
  static func decorate(_ html: String, diagnostics: [Diagnostic]) -> String {
    var addition = reloadScript
    if diagnostics.containsErrors { addition = problemsPanel(diagnostics) + addition }
    if let end = html.range(of: "</body>", options: .backwards) {
      return html.replacingCharacters(in: end, with: addition + "</body>")
    }
    return html + addition
  }

  /// The page shown when no build has succeeded yet.
  static func errorPage(_ diagnostics: [Diagnostic]) -> String {
    """
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Kreds: the content has errors</title></head>
    <body>\(problemsPanel(diagnostics, hasGoodBuild: false))\(reloadScript)</body></html>
    """
  }

  /// Every diagnostic as `file:line:column: error: message`, over the page.
  static func problemsPanel(_ diagnostics: [Diagnostic], hasGoodBuild: Bool = true) -> String {
    let serving =
      hasGoodBuild
      ? "Kreds keeps serving the last good site." : "There is no good build to show yet."
    let errors = diagnostics.filter { $0.severity == .error }.count
    let items = diagnostics.map { "<li><code>\(HTMLText.escape($0.formatted()))</code></li>" }
      .joined()
    return """
      <div id="kreds-problems" role="alert" style="position:fixed;inset:0;overflow:auto;z-index:2147483647;\
      background:#fff;color:#1c2521;font:16px/1.5 system-ui,sans-serif;padding:1.5rem;border-top:6px solid #a3262a">\
      <h2 style="margin-top:0;color:#5c1114">\(errors == 1 ? "1 error" : "\(errors) errors") in the content</h2>\
      <p>\(serving) Fix the files below and save: this page reloads by itself.</p>\
      <ul style="padding-left:1.2rem">\(items)</ul></div>
      """
  }
}
