// swift-tools-version:6.0
import Foundation
import PackageDescription

// libFuzzer targets for Kreds, kept out of the root package so that its `swift build` and
// `swift test` never compile them. Build with the fuzzer sanitizer (see `make fuzz`).

// A path dependency's identity is the name of its folder (`main`, a worktree's name, …), not
// the root package's name, so it is worked out here.
let rootDirectory = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
let kreds = rootDirectory.lastPathComponent.lowercased()

let package = Package(
  name: "KredsFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(path: ".."),
    .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
  ],
  targets: [
    .target(name: "FuzzSupport", dependencies: [.product(name: "KredsModel", package: kreds)]),
    .executableTarget(
      name: "FuzzFrontMatter",
      dependencies: ["FuzzSupport", .product(name: "KredsSite", package: kreds)]),
    .executableTarget(
      name: "FuzzMarkdown", dependencies: [.product(name: "KredsMarkdown", package: kreds)]),
    .executableTarget(
      name: "FuzzRecurrenceRule",
      dependencies: [
        .product(name: "KredsModel", package: kreds),
        .product(name: "KredsCalendar", package: kreds),
      ]),
    .executableTarget(
      name: "FuzzTemplate",
      dependencies: [
        .product(name: "KredsTemplates", package: kreds),
        .product(name: "KredsSite", package: kreds),
        .product(name: "Mustache", package: "swift-mustache"),
      ]),
    .executableTarget(
      name: "FuzzContentFile",
      dependencies: ["FuzzSupport", .product(name: "KredsSite", package: kreds)]),
  ]
)
