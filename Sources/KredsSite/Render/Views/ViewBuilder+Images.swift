import Foundation

/// Pictures as templates see them (issue 18): a raster image of `media/` as its variants, with
/// the size of the picture, so that the page does not jump while it loads.
extension ViewBuilder {
  /// The width of the newsletter email's text column (email.mustache: 600 px less padding).
  static let emailColumnWidth = 536

  /// `url` (the fallback picture), `alt`, `width` and `height` (absent for a drawing that gives
  /// no size), and for a raster image `srcset` (JPEG or PNG) and `webpSrcset`.
  func image(_ image: Image?) -> View? {
    guard let image else { return nil }
    let path = image.path.value
    var view = View(["url": urls.media(path), "alt": image.alt])
    view["srcset"] = nil
    view["webpSrcset"] = nil
    view["width"] = nil
    view["height"] = nil
    if let responsive = site.responsiveImage(path) {
      let fallback = responsive.fallback
      view["url"] = urls.media(fallback.outputPath)
      view["srcset"] = srcset(responsive.variants(responsive.fallbackFormat))
      view["webpSrcset"] = srcset(responsive.variants(.webp))
      view["width"] = String(fallback.width)
      view["height"] = String(responsive.height(atWidth: fallback.width))
    } else if let size = intrinsicSize(path) {
      view["width"] = String(size.width)
      view["height"] = String(size.height)
    }
    return view
  }

  /// The picture of a newsletter: one JPEG at the email's width, which every mail program shows.
  func emailImage(_ image: Image, absolute: Bool) -> View {
    let picture = emailPicture(image)
    var view = View([
      "url": absolute ? urls.absolute(picture.url) : picture.url, "alt": image.alt,
    ])
    view["width"] = picture.width.map(String.init)
    view["height"] = picture.height.map(String.init)
    // Shown at most as wide as the email's column, at the picture's own proportions.
    let shownWidth = min(Self.emailColumnWidth, picture.width ?? Self.emailColumnWidth)
    view["displayWidth"] = String(shownWidth)
    view["displayHeight"] = picture.width.flatMap { width in
      picture.height.map {
        String(ResponsiveImage.height(ofWidth: width, height: $0, scaledTo: shownWidth))
      }
    }
    return view
  }

  /// The one file a mail program or feed reader gets: the 600 px JPEG of a raster image, or
  /// the file itself; its URL is the site's (not absolute).
  func emailPicture(_ image: Image) -> PictureFile {
    let path = image.path.value
    guard let responsive = site.responsiveImage(path) else {
      let size = intrinsicSize(path)
      return PictureFile(url: urls.media(path), width: size?.width, height: size?.height)
    }
    let email = responsive.email
    return PictureFile(
      url: urls.media(email.outputPath), width: email.width,
      height: responsive.height(atWidth: email.width))
  }

  /// The picture shared on Facebook and LinkedIn and named in feeds of events and their
  /// structured data: a 1200×630 crop of a raster image, or the file itself; its URL is
  /// absolute.
  func sharingImage(_ image: Image) -> PictureFile {
    let path = image.path.value
    guard let responsive = site.responsiveImage(path) else {
      let size = intrinsicSize(path)
      return PictureFile(
        url: urls.absolute(urls.media(path)), width: size?.width, height: size?.height)
    }
    let crop = responsive.sharingCrop
    return PictureFile(
      url: urls.absolute(urls.media(crop.outputPath)), width: crop.width, height: crop.cropHeight)
  }

  /// What replaces an image's `src` placeholder in a body: the URL and the attributes that
  /// follow it, and the `<picture>` around it on web pages.
  func bodyImage(_ path: String, absolute: Bool) -> Body.ImageMarkup? {
    func address(_ contentPath: String) -> String {
      let url = urls.media(contentPath)
      return HTMLText.escape(absolute ? urls.absolute(url) : url)
    }
    guard let responsive = site.responsiveImage(path) else {
      guard let size = intrinsicSize(path) else { return nil }
      return Body.ImageMarkup(
        before: "", src: nil, attributes: " width=\"\(size.width)\" height=\"\(size.height)\"",
        after: "")
    }
    // Feeds and emails get one picture: feed readers and mail programs may not know <picture>.
    let fallback = absolute ? responsive.email : responsive.fallback
    let size =
      "width=\"\(fallback.width)\" height=\"\(responsive.height(atWidth: fallback.width))\""
    guard !absolute else {
      return Body.ImageMarkup(
        before: "", src: address(fallback.outputPath), attributes: " \(size)", after: "")
    }
    let sizes = "(min-width: 45rem) 42rem, 100vw"
    return Body.ImageMarkup(
      before:
        "<picture><source type=\"image/webp\" srcset=\"\(HTMLText.escape(srcset(responsive.variants(.webp))))\" sizes=\"\(sizes)\">",
      src: address(fallback.outputPath),
      attributes:
        " srcset=\"\(HTMLText.escape(srcset(responsive.variants(responsive.fallbackFormat))))\" sizes=\"\(sizes)\" \(size) loading=\"lazy\" decoding=\"async\"",
      after: "</picture>")
  }

  /// Candidates `URL 480w, …`. A space or comma in a URL would end it early, so they are
  /// percent-encoded; templates and bodies escape the rest.
  private func srcset(_ variants: [ImageVariant]) -> String {
    variants.map { variant in
      let url = urls.media(variant.outputPath).replacingOccurrences(of: " ", with: "%20")
        .replacingOccurrences(of: ",", with: "%2C")
      return "\(url) \(variant.width)w"
    }.joined(separator: ", ")
  }

  private func intrinsicSize(_ path: String) -> (width: Int, height: Int)? {
    switch site.mediaFacts[path] {
    case .drawing(let width?, let height?)?: (width, height)
    case .raster(let image)?: (image.width, image.height)
    default: nil
    }
  }
}

/// One published picture file with its size, when known.
struct PictureFile {
  var url: String
  var width: Int?
  var height: Int?
}
