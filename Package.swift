// swift-tools-version:6.0
import PackageDescription

// The release build (`make dist`) links Debian's cmark-gfm archives into the binary, so that it
// loads only the C library's family; every other build links the shared libraries.
let staticCmark = Context.environment["KREDS_STATIC_CMARK"] == "1"
let cmarkLinking: [LinkerSetting] =
  staticCmark
  ? [
    .unsafeFlags([
      "-Xlinker", "-l:libcmark-gfm-extensions.a", "-Xlinker", "-l:libcmark-gfm.a",
    ])
  ]
  : [.linkedLibrary("cmark-gfm-extensions"), .linkedLibrary("cmark-gfm")]

let package = Package(
  name: "Kreds",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "kreds", targets: ["kreds"]),
    // Libraries only for the fuzz targets in Fuzz/, a separate package.
    .library(name: "KredsModel", targets: ["KredsModel"]),
    .library(name: "KredsMarkdown", targets: ["KredsMarkdown"]),
    .library(name: "KredsCalendar", targets: ["KredsCalendar"]),
    .library(name: "KredsSite", targets: ["KredsSite"]),
    .library(name: "KredsParse", targets: ["KredsParse"]),
    .library(name: "KredsTemplates", targets: ["KredsTemplates"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
  ],
  targets: [
    // Headers only: how the library is linked is KredsMarkdown's choice (above).
    .systemLibrary(
      name: "CCmarkGFM",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),
    .target(name: "KredsMarkdown", dependencies: ["CCmarkGFM"], linkerSettings: cmarkLinking),
    // Debian's libvips (pkg-config `vips`), reached only through CVipsShim's plain C functions,
    // and those only from KredsImages: libvips' API is variadic, which Swift cannot call.
    .systemLibrary(name: "CLibVips", pkgConfig: "vips", providers: [.apt(["libvips-dev"])]),
    .target(name: "CVipsShim", dependencies: ["CLibVips"]),
    .target(name: "KredsImages", dependencies: ["CVipsShim"]),
    .target(name: "KredsModel"),
    .target(name: "KredsCalendar", dependencies: ["KredsModel"]),
    .target(name: "KredsTemplates"),
    // The pipeline's steps are targets, so that a step can only use the ones below it:
    // KredsShared (the vocabulary every step uses), KredsParse, then KredsSite (resolve,
    // render, formats). docs/ARCHITECTURE.md, "Targets and folders".
    .target(name: "KredsShared", dependencies: ["KredsModel"]),
    .target(
      name: "KredsParse",
      dependencies: [
        "KredsShared", "KredsModel", "KredsMarkdown", "KredsCalendar",
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .target(
      name: "KredsSite",
      dependencies: [
        "KredsParse", "KredsShared", "KredsModel", "KredsMarkdown", "KredsCalendar",
        "KredsTemplates", .product(name: "Yams", package: "Yams"),
      ]
    ),
    // The default theme compiled into the binary: templates/ stays the one place it is written.
    .executableTarget(name: "ThemeEmbedder", path: "Sources/ThemeEmbedder"),
    .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
    .target(name: "KredsDefaultTheme", plugins: ["EmbedTheme"]),
    .target(
      name: "KredsBuild",
      dependencies: ["KredsSite", "KredsMarkdown", "KredsDefaultTheme", "KredsImages"]),
    .target(
      name: "KredsServer",
      dependencies: [
        "KredsBuild", "KredsSite", "KredsImages",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .executableTarget(
      name: "kreds",
      dependencies: [
        "KredsBuild", "KredsServer", "KredsSite", "KredsImages",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "KredsMarkdownTests", dependencies: ["KredsMarkdown"]),
    .testTarget(name: "KredsModelTests", dependencies: ["KredsModel"]),
    .testTarget(name: "KredsCalendarTests", dependencies: ["KredsCalendar", "KredsModel"]),
    .testTarget(
      name: "KredsSiteTests", dependencies: ["KredsSite", "KredsCalendar", "KredsModel"]),
    // swift-mustache renders the same templates as the reference Kreds' own engine must match;
    // KredsBuild gives the golden site's views to render the default theme with.
    .testTarget(
      name: "KredsTemplatesTests",
      dependencies: [
        "KredsTemplates", "KredsBuild", "KredsSite",
        .product(name: "Mustache", package: "swift-mustache"),
      ]),
    .testTarget(
      name: "KredsBuildTests",
      dependencies: ["KredsBuild", "KredsSite", "KredsImages", "KredsMarkdown"]),
    .testTarget(name: "KredsImagesTests", dependencies: ["KredsImages"]),
  ]
)
