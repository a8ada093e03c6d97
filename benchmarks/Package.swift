// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so the main build never pulls their dependencies.
// Run them with ./run-sr.sh and ./run-mtl.sh (peers side by side); figures go to ../docs/benchmarks.md.
let package = Package(
  name: "MTLFormulasBenchmarks",
  dependencies: [
    .package(name: "MTLFormulas", path: ".."),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
  ],
  targets: [
    .executableTarget(
      name: "sr-bench",
      dependencies: [
        .product(name: "SymbolicRegression", package: "MTLFormulas"),
        .product(name: "Expressions", package: "MTLFormulas"),
        .product(name: "Statistics", package: "MTLFormulas"),
        .product(name: "Support", package: "MTLFormulas"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(
      name: "mtl-bench",
      dependencies: [
        .product(name: "MTLCore", package: "MTLFormulas"),
        .product(name: "TaskSimulator", package: "MTLFormulas"),
        .product(name: "Support", package: "MTLFormulas"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
  ]
)
