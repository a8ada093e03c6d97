// swift-tools-version: 6.1
import PackageDescription

// Modules, dependencies pointing one way (docs/architecture.md):
//   CGSL -> Statistics;  Expressions;  DataTable
//   Statistics + Expressions (+ CEvaluationKernels, the interpreter's C loops) -> SymbolicRegression -> Reports
//   TaskSimulator -> MTLCore (on COpenBLAS)
//   executables fit-formulas and simulate are thin layers over the libraries.
let package = Package(
  name: "MTLFormulas",
  products: [
    .executable(name: "fit-formulas", targets: ["FitFormulasCLI"]),
    .executable(name: "simulate", targets: ["SimulateCLI"]),
    .library(name: "Expressions", targets: ["Expressions"]),
    .library(name: "Statistics", targets: ["Statistics"]),
    .library(name: "SymbolicRegression", targets: ["SymbolicRegression"]),
    .library(name: "Reports", targets: ["Reports"]),
    .library(name: "TaskSimulator", targets: ["TaskSimulator"]),
    .library(name: "MTLCore", targets: ["MTLCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
  ],
  targets: [
    .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),
    .target(name: "Statistics", dependencies: ["CGSL"]),
    .target(name: "Expressions"),
    .target(name: "DataTable"),
    .target(name: "CEvaluationKernels"),
    .target(name: "SymbolicRegression", dependencies: ["Expressions", "Statistics", "CEvaluationKernels"]),
    .target(name: "Reports", dependencies: ["SymbolicRegression", "Expressions", "Statistics", "DataTable"]),
    .target(name: "TaskSimulator"),
    .systemLibrary(name: "COpenBLAS", providers: [.apt(["libopenblas-dev"])]),
    .target(name: "MTLCore", dependencies: ["COpenBLAS", "TaskSimulator"]),
    .executableTarget(
      name: "FitFormulasCLI",
      dependencies: [
        "Reports", "SymbolicRegression", "Expressions", "Statistics", "DataTable",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(
      name: "SimulateCLI",
      dependencies: ["TaskSimulator", "MTLCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

    .testTarget(name: "ExpressionsTests", dependencies: ["Expressions"]),
    .testTarget(name: "DataTableTests", dependencies: ["DataTable"]),
    .testTarget(name: "StatisticsTests", dependencies: ["Statistics"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "SymbolicRegressionTests", dependencies: ["SymbolicRegression", "Expressions", "Statistics"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "ReportsTests", dependencies: ["Reports", "SymbolicRegression", "Expressions", "Statistics", "DataTable"]),
    .testTarget(name: "TaskSimulatorTests", dependencies: ["TaskSimulator"], resources: [.copy("Fixtures")]),
    .testTarget(name: "MTLCoreTests", dependencies: ["MTLCore", "TaskSimulator"]),
    .testTarget(name: "CLITests", dependencies: ["FitFormulasCLI", "SimulateCLI"]),
  ]
)
