// swift-tools-version: 6.1
import PackageDescription

// Modules, dependencies pointing one way (docs/architecture.md):
//   Support (the seeded generator and seed recipes; depends on nothing) under every library below
//   CGSL -> Statistics;  Expressions;  DataTable
//   Statistics + Expressions (+ CEvaluationKernels, the interpreter's C loops) -> SymbolicRegression -> Reports
//   TaskSimulator -> MTLCore (on COpenBLAS)
//   CommandLineSupport (errors -> one line and an exit status, shared by both commands)
//   executables fit-formulas and simulate are thin layers over the libraries.
let package = Package(
  name: "MTLFormulas",
  products: [
    .executable(name: "fit-formulas", targets: ["FitFormulasCLI"]),
    .executable(name: "simulate", targets: ["SimulateCLI"]),
    .library(name: "Support", targets: ["Support"]),
    .library(name: "Expressions", targets: ["Expressions"]),
    .library(name: "Statistics", targets: ["Statistics"]),
    .library(name: "SymbolicRegression", targets: ["SymbolicRegression"]),
    .library(name: "Reports", targets: ["Reports"]),
    .library(name: "TaskSimulator", targets: ["TaskSimulator"]),
    .library(name: "MTLCore", targets: ["MTLCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),
    .target(name: "Support"),
    .target(name: "Statistics", dependencies: ["CGSL", "Support"]),
    .target(name: "Expressions", dependencies: ["Support"]),
    .target(name: "DataTable", dependencies: ["Support"]),
    .target(name: "CEvaluationKernels"),
    .target(name: "SymbolicRegression", dependencies: ["Support", "Expressions", "Statistics", "CEvaluationKernels"]),
    .target(
      name: "Reports", dependencies: ["Support", "SymbolicRegression", "Expressions", "Statistics", "DataTable"]),
    .target(name: "TaskSimulator", dependencies: ["Support"]),
    .systemLibrary(name: "COpenBLAS", providers: [.apt(["libopenblas-dev"])]),
    .target(name: "MTLCore", dependencies: ["Support", "COpenBLAS", "TaskSimulator"]),
    .target(
      name: "CommandLineSupport",
      dependencies: ["Support", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
    .executableTarget(
      name: "FitFormulasCLI",
      dependencies: [
        "Support", "CommandLineSupport", "Reports", "SymbolicRegression", "Expressions", "Statistics", "DataTable",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(
      name: "SimulateCLI",
      dependencies: [
        "Support", "CommandLineSupport", "TaskSimulator", "MTLCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // Test-only helpers (temporary folders, package and shared-data paths, the one NIST StRD fixture folder).
    .target(name: "TestSupport", dependencies: ["Support"], path: "Tests/TestSupport", resources: [.copy("Fixtures")]),
    .testTarget(name: "ExpressionsTests", dependencies: ["Expressions", "Support"]),
    .testTarget(name: "DataTableTests", dependencies: ["DataTable", "Support", "TestSupport"]),
    .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "Support", "TestSupport"]),
    .testTarget(
      name: "SymbolicRegressionTests",
      dependencies: ["SymbolicRegression", "Expressions", "Statistics", "Support", "TestSupport"]),
    .testTarget(
      name: "ReportsTests",
      dependencies: [
        "Support", "Reports", "SymbolicRegression", "Expressions", "Statistics", "DataTable", "TestSupport",
      ]),
    .testTarget(
      name: "TaskSimulatorTests", dependencies: ["TaskSimulator", "Support", "TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "MTLCoreTests", dependencies: ["MTLCore", "TaskSimulator", "Support", "TestSupport"]),
    .testTarget(name: "SupportTests", dependencies: ["Support", "TestSupport"]),
    .testTarget(name: "CLITests", dependencies: ["FitFormulasCLI", "SimulateCLI", "TestSupport"]),
  ]
)
