/// The `Content-Type` of a built file, by its name.
enum ContentType {
  static func of(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    if name == "feed.xml" { return "application/atom+xml; charset=utf-8" }
    let ext =
      name.split(separator: ".").count > 1
      ? String(name.split(separator: ".").last ?? "").lowercased() : ""
    switch ext {
    case "html": return "text/html; charset=utf-8"
    case "css": return "text/css; charset=utf-8"
    case "js": return "text/javascript; charset=utf-8"
    case "xml": return "application/xml; charset=utf-8"
    case "ics": return "text/calendar; charset=utf-8"
    case "txt": return "text/plain; charset=utf-8"
    case "json": return "application/json"
    case "eml": return "message/rfc822"
    case "svg": return "image/svg+xml"
    case "png": return "image/png"
    case "jpg", "jpeg": return "image/jpeg"
    case "gif": return "image/gif"
    case "webp": return "image/webp"
    case "avif": return "image/avif"
    case "ico": return "image/x-icon"
    case "pdf": return "application/pdf"
    case "woff2": return "font/woff2"
    default: return "application/octet-stream"
    }
  }
}
