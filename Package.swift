// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "caspian-link",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "caspian-link", targets: ["caspian-link"]),
    .library(name: "CaspianSupport", targets: ["CaspianSupport"]),
    .library(name: "CaspianGeometry", targets: ["CaspianGeometry"]),
    .library(name: "CaspianGDAL", targets: ["CaspianGDAL"]),
    .library(name: "CaspianGeodata", targets: ["CaspianGeodata"]),
    .library(name: "CaspianAnalysis", targets: ["CaspianAnalysis"]),
    .library(name: "CaspianEngineering", targets: ["CaspianEngineering"]),
    .library(name: "CaspianRouting", targets: ["CaspianRouting"]),
    .library(name: "CaspianSchedule", targets: ["CaspianSchedule"]),
    .library(name: "CaspianReport", targets: ["CaspianReport"]),
    .library(name: "CaspianProject", targets: ["CaspianProject"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // System libraries: only CaspianGeometry imports GEOS and PROJ, only CaspianGDAL imports GDAL.
    .systemLibrary(
      name: "CGEOS", path: "Sources/CGEOS", pkgConfig: "geos",
      providers: [.apt(["libgeos-dev"])]),
    .systemLibrary(
      name: "CPROJ", path: "Sources/CPROJ", pkgConfig: "proj",
      providers: [.apt(["libproj-dev"])]),
    .systemLibrary(
      name: "CGDAL", path: "Sources/CGDAL", pkgConfig: "gdal",
      providers: [.apt(["libgdal-dev"])]),

    // Small shared utilities (atomic file writes).
    .target(name: "CaspianSupport"),
    // Geometry core: Swift value types outside, GEOS/PROJ handles inside.
    .target(name: "CaspianGeometry", dependencies: ["CGEOS", "CPROJ", "CaspianSupport"]),
    // GIS files through GDAL: rasters onto WGS84 longitude/latitude, vector layers as features.
    .target(name: "CaspianGDAL", dependencies: ["CGDAL", "CaspianSupport", "CaspianGeometry"]),
    // Loading and validating the data set (sea polygon, grid, landings, hazards).
    .target(name: "CaspianGeodata", dependencies: ["CaspianSupport", "CaspianGeometry", "CaspianGDAL"]),
    // The one along-route analysis: track and KPs, depth profile, crossings, clearances, intrusions.
    .target(
      name: "CaspianAnalysis",
      dependencies: ["CaspianSupport", "CaspianGeometry", "CaspianGDAL", "CaspianGeodata"]),
    // Cable engineering on top of the analysis: RPL, armour, burial, slack, checks, cost, lay time.
    .target(
      name: "CaspianEngineering",
      dependencies: ["CaspianSupport", "CaspianGeometry", "CaspianGeodata", "CaspianAnalysis"]),
    // Route planning: cost grid, least-cost search, route options.
    .target(
      name: "CaspianRouting",
      dependencies: [
        "CaspianSupport", "CaspianGeometry", "CaspianGDAL", "CaspianGeodata", "CaspianAnalysis",
        "CaspianEngineering",
      ]),
    // Milestones, critical path, progress.
    .target(name: "CaspianSchedule", dependencies: ["CaspianSupport", "Yams"]),
    // The project folder: project file, discovery, the selected route.
    .target(
      name: "CaspianProject",
      dependencies: ["CaspianSupport", "CaspianGeometry", "CaspianAnalysis", "CaspianSchedule"]),
    // The report: map, straight line diagrams, Gantt chart and tables as SVG/HTML text.
    .target(name: "CaspianReport", dependencies: ["CaspianSupport", "CaspianGeometry"]),

    .executableTarget(
      name: "caspian-link",
      dependencies: [
        "CaspianSupport", "CaspianGeometry", "CaspianGDAL", "CaspianGeodata", "CaspianAnalysis",
        "CaspianEngineering", "CaspianRouting", "CaspianSchedule", "CaspianReport", "CaspianProject",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // Benchmark of the least-cost search against scikit-image (Tools/benchmark.sh).
    .executableTarget(
      name: "caspian-bench",
      dependencies: [
        "CaspianSupport", "CaspianGeometry", "CaspianGDAL", "CaspianGeodata", "CaspianAnalysis",
        "CaspianRouting",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    .testTarget(name: "CaspianSupportTests", dependencies: ["CaspianSupport"]),
    .testTarget(
      name: "CaspianGeometryTests", dependencies: ["CaspianGeometry"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "CaspianGeodataTests", dependencies: ["CaspianGeodata"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "CaspianAnalysisTests", dependencies: ["CaspianAnalysis"]),
    .testTarget(
      name: "CaspianEngineeringTests",
      dependencies: ["CaspianEngineering", "CaspianAnalysis", "CaspianGeodata"]),
    .testTarget(
      name: "CaspianRoutingTests", dependencies: ["CaspianRouting", "CaspianAnalysis", "CaspianGDAL"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "CaspianScheduleTests", dependencies: ["CaspianSchedule"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "CaspianReportTests", dependencies: ["CaspianReport"]),
    .testTarget(
      name: "CaspianProjectTests",
      dependencies: ["CaspianProject", "CaspianSchedule", "CaspianAnalysis", "CaspianGeometry"]),
    .testTarget(
      name: "CLITests", dependencies: ["caspian-link", "CaspianAnalysis", "CaspianGeometry", "CaspianGDAL"],
      resources: [.copy("Fixtures")]),
  ],
  swiftLanguageModes: [.v6]
)

// libFuzzer targets, one per parser the project owns (Tools/fuzz.sh builds and runs them).
// Declared only when CASPIAN_FUZZ is set: they link only with `-sanitize=fuzzer` (their `main`
// runs libFuzzer's driver), and a normal `swift build` or `swift test` never compiles them.
if Context.environment["CASPIAN_FUZZ"] != nil {
  let fuzzTargets: [(name: String, dependency: Target.Dependency)] = [
    ("FuzzESRIASCII", "CaspianGeodata"), ("FuzzGeoJSON", "CaspianGeometry"),
    ("FuzzPlan", "CaspianSchedule"), ("FuzzUpdateLog", "CaspianSchedule"), ("FuzzLayLog", "CaspianProject"),
  ]
  package.targets.append(.systemLibrary(name: "CLibFuzzer", path: "Tests/Fuzz/CLibFuzzer"))
  package.targets.append(.target(name: "FuzzDriver", dependencies: ["CLibFuzzer"], path: "Tests/Fuzz/Driver"))
  for (name, dependency) in fuzzTargets {
    package.products.append(.executable(name: name, targets: [name]))
    package.targets.append(
      .executableTarget(
        name: name, dependencies: [dependency, "FuzzDriver"], path: "Tests/Fuzz/Targets/\(name)"))
  }
}
