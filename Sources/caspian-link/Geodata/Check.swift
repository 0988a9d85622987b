import ArgumentParser
import CaspianGeodata
import Foundation

extension CaspianLink.Geodata {
  struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Load and validate the data set and print a summary.",
      discussion: """
        Checks every file against the data-set contract (see README) and prints the sea area \
        (geodesic, km²), islands, grid extent, resolution and depth range, landing points and \
        hazards by kind. Bad input is reported as one line naming the file and the problem.

        Examples:
          caspian-link geodata check
          caspian-link geodata check --format json
          caspian-link geodata check --geodata ~/survey --water-surface -30
        """)

    @OptionGroup var geodata: GeodataOptions

    @Option(help: "Output format: table for people, json for programs.")
    var format: OutputFormat = .table

    func run() async throws {
      let summary = GeodataSummary(try geodata.load())
      switch format {
      case .table:
        print(Self.table(summary))
      case .json:
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(summary), as: UTF8.self))
      }
    }

    static func table(_ s: GeodataSummary) -> String {
      var lines: [String] = []
      func row(_ label: String, _ text: String) {
        lines.append(label.padding(toLength: 10, withPad: " ", startingAt: 0) + text)
      }
      row("Data set", s.name)
      row(
        "Sea",
        "\(s.sea.file): \(number(s.sea.areaKm2, 0)) km² (geodesic), \(count(s.sea.polygonCount, "polygon")),"
          + " \(count(s.sea.islandCount, "island"))")
      let g = s.grid
      row(
        "Grid",
        "\(g.file): \(g.columns) × \(g.rows) cells of \(degrees(g.cellWidthDegrees))° × \(degrees(g.cellHeightDegrees))°"
          + arcSeconds(g.cellWidthDegrees, g.cellHeightDegrees))
      row(
        "",
        "extent longitude \(degrees(g.extent.west))…\(degrees(g.extent.east)),"
          + " latitude \(degrees(g.extent.south))…\(degrees(g.extent.north))")
      let depths =
        if let low = g.minDepthM, let high = g.maxDepthM {
          "water depth in the sea \(number(low, 1))…\(number(high, 1)) m over \(g.seaCellCount) cells"
            + " (\(g.drySeaCellCount) dry)"
        } else {
          "no grid cell centre lies in the sea"
        }
      row("", "water surface \(number(g.waterSurfaceM, 2)) m; \(depths)")
      for file in s.gridFiles {
        let f = file.raster
        let unit = f.unit == "degree" ? "°" : " \(f.unit)"
        row(
          "",
          "\(file.file): \(f.driver)\(f.subdataset.map { " (variable \($0))" } ?? ""), \(f.crs)"
            + (f.warped ? ", reprojected to WGS 84 longitude/latitude" : ""))
        row(
          "",
          "  \(f.columns) × \(f.rows) cells of \(compact(f.cellWidth)) × \(compact(f.cellHeight))\(unit);"
            + " extent x \(compact(f.extent.minX))…\(compact(f.extent.maxX)), y \(compact(f.extent.minY))…\(compact(f.extent.maxY));"
            + " no data \(number(file.noDataPercent, 1)) %")
        row(
          "",
          "  vertical: " + (file.positiveDown ? "depth (positive down)" : "elevation (positive up)")
            + ", zero at \(compact(file.verticalOffsetM)) m relative to mean ocean level")
      }
      for v in s.vectorFiles {
        row(
          v.role == "sea" ? "Files" : "",
          "\(v.role): \(v.file): \(v.driver)\(v.layer.map { ", layer \($0)" } ?? ""), \(v.geometryType),"
            + " \(count(v.featureCount, "feature")), \(v.crs)")
      }
      row("Landings", "\(s.landings.count)")
      var landings = TextTable([
        ("NAME", .left), ("LON", .right), ("LAT", .right), ("COUNTRY", .left), ("CONFIDENCE", .left),
        ("GRID DEPTH", .right),
      ])
      for l in s.landings {
        landings.append([
          l.name, number(l.longitude, 4), number(l.latitude, 4), l.country ?? "-",
          l.confidence?.rawValue ?? "-",
          l.gridDepthM.map { "\(number($0, 1)) m" } ?? "-",
        ])
      }
      if !s.landings.isEmpty { lines.append(landings.render(indent: "  ")) }
      let h = s.hazards
      row("Hazards", "\(h.count)" + (h.file.map { " in \($0)" } ?? ""))
      if h.count > 0 {
        row(
          "",
          "by kind: "
            + h.byKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        row(
          "",
          "by constraint: "
            + h.byConstraint.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
              separator: ", "))
      }
      row("Repairs", s.repairs.isEmpty ? "none" : "\(s.repairs.count)")
      lines += s.repairs.map { "  " + $0 }
      row("Warnings", s.warnings.isEmpty ? "none" : "\(s.warnings.count)")
      lines += s.warnings.map { "  " + $0 }
      return lines.joined(separator: "\n")
    }

    /// Up to 6 significant digits, no trailing zeros ("2000", "0.1", "-28.5").
    static func compact(_ value: Double) -> String {
      String(format: abs(value) >= 100_000 ? "%.0f" : "%.6g", value)
    }

    static func number(_ value: Double, _ decimals: Int) -> String {
      String(format: "%.\(decimals)f", value)
    }

    /// Degrees with up to 6 decimals, trailing zeros dropped.
    static func degrees(_ value: Double) -> String {
      var text = String(format: "%.6f", value)
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
      return text
    }

    /// " (15″)" for square cells of a whole number of arc-seconds under a minute, as GEBCO's.
    static func arcSeconds(_ width: Double, _ height: Double) -> String {
      let seconds = width * 3600
      guard width == height, seconds < 60, abs(seconds - seconds.rounded()) < 1e-6 else { return "" }
      return " (\(Int(seconds.rounded()))″)"
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
  }
}
