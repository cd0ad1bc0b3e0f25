import Foundation
import Yams

/// `site.yaml` (CONTENT.md, "site.yaml").
package enum SettingsParser {
  package static let keys = [
    "title", "base_url", "language", "timezone", "description", "organisation",
    "newsletter_upcoming_days", "newsletter_unsubscribe", "postal_address", "unsafe_html", "search",
    "accessibility_statement",
  ]

  package static func parse(_ root: Node, sink: DiagnosticSink) -> SiteSettings? {
    guard let reader = MappingReader(root, known: keys, path: "", firstLine: 1, sink: sink) else {
      return nil
    }
    let title = reader.text(
      "title", required: true, hint: "add the site's name, e.g. 'title: Erhvervsnetværk Fyn'")
    let baseURL = reader.url("base_url", required: true)
    if let baseURL, baseURL.contains("?") || baseURL.contains("#") {
      sink.error(
        "'base_url' must not have a query or fragment, found '\(baseURL)'",
        at: reader.location(of: "base_url"))
    }
    let language = reader.choice("language", as: Language.self)
    let zone = reader.timeZone("timezone")
    let description = reader.text("description")
    let organisation = reader.organisation("organisation")
    let days = reader.integer("newsletter_upcoming_days", range: 1...366)
    let unsubscribe = reader.text("newsletter_unsubscribe")
    // The value becomes the href of the email's unsubscribe link.
    if let unsubscribe, let scheme = LinkScheme.of(unsubscribe),
      LinkScheme.forbidden.contains(scheme)
    {
      sink.error(
        "'newsletter_unsubscribe' may not be a '\(scheme):' address; write the unsubscribe merge tag of your mail tool, such as *|UNSUB|* or {{ UnsubscribeURL }}, or an https:// address",
        at: reader.location(of: "newsletter_unsubscribe"))
    }
    let address = reader.text("postal_address")
    let unsafeHTML = reader.boolean("unsafe_html")
    let search = reader.boolean("search")
    var statement = reader.url("accessibility_statement")
    if let address = statement, !address.lowercased().hasPrefix("https://") {
      sink.error(
        "'accessibility_statement' must be an https:// address, such as the one the WAS tool gives (https://www.was.digst.dk/…), found '\(address)'",
        at: reader.location(of: "accessibility_statement"))
      statement = nil
    }
    guard let title, let baseURL else { return nil }
    var settings = SiteSettings(
      title: title, baseURL: baseURL, timeZone: zone ?? ContentParser.fallbackTimeZone)
    settings.language = language ?? .da
    settings.description = description
    settings.organisation = organisation
    settings.newsletterUpcomingDays = days?.value ?? 60
    settings.newsletterUnsubscribe = unsubscribe
    settings.postalAddress = address
    settings.unsafeHTML = unsafeHTML ?? false
    settings.search = search ?? true
    settings.accessibilityStatement = statement
    return settings
  }
}
