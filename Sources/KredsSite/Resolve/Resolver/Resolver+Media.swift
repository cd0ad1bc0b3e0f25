import Foundation

/// Pictures and files of `media/` (issue 18): each problem a file has is told where a page uses
/// it, or at the file itself when nothing does.
extension Resolver {
  /// The uses of media in one item: `image:` (shown), other front-matter files (attachments,
  /// downloads) and the body's images and links.
  mutating func checkMediaUses(
    file: String, references: References, bodyTargets: [LinkTarget], site built: inout Site
  ) {
    for use in references.media {
      let isShown = references.images.contains(use)
      checkMediaUse(use, shown: isShown, hero: isShown, file: file, site: &built)
    }
    guard let body = references.body else { return }
    for (link, target) in zip(body.links, bodyTargets) {
      guard case .media(let path) = target else { continue }
      checkMediaUse(
        Located(path, at: link.location), shown: link.isImage, hero: false, file: file,
        site: &built)
    }
  }

  private mutating func checkMediaUse(
    _ use: Located<String>, shown: Bool, hero: Bool, file: String, site built: inout Site
  ) {
    let path = use.value
    guard mediaPaths.contains(path) else { return }
    if shown { built.displayedImages.insert(path) } else { built.downloadedMedia.insert(path) }
    let fileExtension = MediaLimits.fileExtension(path)
    if MediaLimits.activeExtensions.contains(fileExtension), !built.settings.unsafeHTML {
      error(file, use.location, Self.activeFileMessage(path))
      return
    }
    switch options.mediaFacts[path] {
    case .refused(let reason, _)?:
      error(
        file, use.location,
        "'\(path)' cannot be published: \(reason); \(Self.remedy(for: fileExtension))")
    case .raster(let image)?:
      if image.hasLocation {
        locatedPhotoUses[path, default: []].append(Located(file, at: use.location))
      }
      if !shown, !image.isWebFormat {
        error(
          file, use.location,
          "'\(path)' is a \(image.format.uppercased()) file, which browsers cannot open; link to a JPEG or PNG copy of it, or show it as a picture with ![…](…)"
        )
      }
      if hero, !image.isAnimated, image.width < MediaLimits.minimumHeroWidth {
        warning(
          file, use.location,
          "'\(path)' is only \(image.width) px wide and will look blurred at the top of the page; use a picture at least \(MediaLimits.minimumHeroWidth) px wide, better 1600 px"
        )
      }
    case .drawing?, nil:
      break
    }
  }

  /// One warning per photo whose original holds a GPS position, at its first use, naming the
  /// others: the editor has one file to fix, however many pages show it.
  mutating func reportLocatedPhotos() {
    for (path, uses) in locatedPhotoUses.sorted(by: { $0.key < $1.key }) {
      let ordered = Array(Set(uses)).sorted {
        ($0.value, $0.location) < ($1.value, $1.location)
      }
      guard let first = ordered.first else { continue }
      var others = ""
      if ordered.count > 1 {
        let places = ordered.dropFirst().map { use in
          use.value == first.value
            ? "line \(use.location.line)" : "\(use.value) line \(use.location.line)"
        }
        others = " It is also used at \(places.joined(separator: ", "))."
      }
      let heic = ["heic", "heif"].contains(MediaLimits.fileExtension(path))
      let remedy =
        heic
        ? "convert it to JPEG (or run 'exiftool -gps:all=' on it), as Kreds cannot edit HEIC files"
        : "remove it with 'kreds strip-location \(path)', which leaves the picture itself unchanged"
      warning(
        first.value, first.location,
        "'\(path)' holds the GPS position where the photo was taken; the published copies are stripped of it, but the original in the content folder keeps it: \(remedy). A photo already committed keeps its position in the git history.\(others)"
      )
    }
  }

  /// Problems of media files that no page uses: they are still published (stripped), so they
  /// must be publishable.
  mutating func checkUnusedMedia(site: Site) {
    for path in site.media
    where !site.displayedImages.contains(path) && !site.downloadedMedia.contains(path) {
      let fileExtension = MediaLimits.fileExtension(path)
      if MediaLimits.activeExtensions.contains(fileExtension), !site.settings.unsafeHTML {
        error(path, .fileStart, Self.activeFileMessage(path))
        continue
      }
      switch options.mediaFacts[path] {
      case .refused(let reason, let line)?:
        error(
          path, SourceLocation(line: line ?? 1, column: 1),
          "this file cannot be published: \(reason); \(Self.remedy(for: fileExtension))")
      case .raster(let image)? where !image.isWebFormat:
        warning(
          path, .fileStart,
          "no page uses this \(image.format.uppercased()) picture, and browsers cannot open it as a file, so it is not published; show it on a page with 'image:' or ![…](…), or delete it"
        )
      default:
        break
      }
    }
  }

  /// Two pictures whose variants would have the same names (`a.jpg` and `a.png` both shown),
  /// or a variant's name taken by a file of `media/`: one would replace the other.
  mutating func checkVariantNames(site: Site) {
    var makers: [String: String] = [:]
    for path in site.media.sorted() where site.displayedImages.contains(path) {
      guard let responsive = site.responsiveImage(path) else { continue }
      for variant in responsive.allVariants {
        let name = variant.outputPath
        if mediaPaths.contains(name) {
          error(
            path, .fileStart,
            "this picture's variant '\(name)' has the name of another file in media/; rename one of them"
          )
          break
        }
        if let other = makers[name], other != path {
          error(
            path, .fileStart,
            "this picture and '\(other)' would both publish '\(name)'; rename one of them, e.g. '\(ResponsiveImage.stem(of: path))-2.\(MediaLimits.fileExtension(path))'"
          )
          break
        }
        makers[name] = path
      }
    }
  }

  /// Told unless `unsafe_html: true` in site.yaml, which lets active files through as it lets
  /// raw HTML through.
  static func activeFileMessage(_ path: String) -> String {
    "'\(path)' is a file a browser would run as a page or a script on the site's own address, where it could act as the site; such files are only published when site.yaml sets 'unsafe_html: true'. Link to a PDF, or put the page's text in a .md file instead"
  }

  static func remedy(for fileExtension: String) -> String {
    fileExtension == "svg"
      ? "export the drawing again without scripts, event handlers, embedded HTML or links to other files, or save it as PNG"
      : "open it in an image program and save it again as JPEG or PNG"
  }

  mutating func checkMediaPath(_ path: Located<String>, file: String) {
    guard !mediaPaths.contains(path.value) else { return }
    error(
      file, path.location,
      "the file '\(path.value)' does not exist in the content folder"
        + Suggestion.didYouMean(path: path.value, among: mediaPaths))
  }
}
