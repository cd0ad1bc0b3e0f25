extension SitePlan {
  /// The files of `media/` as published (issue 18). A raster image a page shows becomes its
  /// variants; one linked as a file, or used by nothing, is published at its own path, made
  /// again without metadata. Animations are copied without their metadata; drawings and other
  /// files as they are.
  static func mediaFiles(of site: Site) -> [OutputFile] {
    var files: [OutputFile] = []
    for path in site.media {
      guard case .raster(let image)? = site.mediaFacts[path], !image.isAnimated else {
        if case .raster? = site.mediaFacts[path] {
          files.append(OutputFile(path: path, content: .animation(path)))
        } else {
          files.append(OutputFile(path: path, content: .contentFile(path)))
        }
        continue
      }
      let shown = site.displayedImages.contains(path)
      if shown {
        let responsive = ResponsiveImage(source: path, image: image)
        for variant in responsive.allVariants {
          files.append(OutputFile(path: variant.outputPath, content: .image(variant)))
        }
      }
      guard !shown || site.downloadedMedia.contains(path) else { continue }
      // A GIF holds no EXIF or GPS, but comments and XMP; saving it again as PNG would not fit
      // its name.
      if image.format == "gif" {
        files.append(OutputFile(path: path, content: .animation(path)))
        continue
      }
      // A TIFF or HEIF file that is not shown is not published (a warning says so).
      if image.isWebFormat {
        let format: ImageVariant.Format =
          switch image.format {
          case "png": .png
          case "webp": .webp
          default: .jpeg
          }
        let whole = ImageVariant(source: path, width: image.width, format: format)
        files.append(OutputFile(path: path, content: .image(whole)))
      }
    }
    return files
  }
}
