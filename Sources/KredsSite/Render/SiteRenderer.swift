import Foundation

/// The render step: ``Site`` → every output file, on all cores.
public enum SiteRenderer {
  public static func render(_ site: Site, theme: Theme) -> [OutputFile] {
    SitePlan(site: site, theme: theme).renderAll()
  }
}
