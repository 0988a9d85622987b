import ArgumentParser
import CaspianAnalysis
import CaspianEngineering
import CaspianGeodata
import CaspianGeometry
import CaspianRouting
import CaspianSupport
import Foundation

/// `--engineering FILE`, shared by every command that works out cable engineering.
struct EngineeringOptions: ParsableArguments {
  @Option(
    name: .customLong("engineering"),
    help: ArgumentHelp(
      "JSON file overriding engineering defaults (any subset of them; see README).", valueName: "file"))
  var file: String?

  /// `--engineering`, else the project's engineering file (`engineering` in the project file).
  var effectiveFile: String? {
    get throws { try file ?? ProjectLocation.find(flag: nil)?.engineering?.path }
  }

  /// The defaults with the file's overrides.
  func parameters() throws -> EngineeringParameters {
    guard let file = try effectiveFile else { return .defaults }
    let data = try FileBytes.read(URL(fileURLWithPath: file))
    return try EngineeringParameters.overriding(with: data, source: file)
  }

  /// `--sea-level` must be within its limit (a bad input, exit 1, like a file's number).
  static func check(seaLevel: Double?) throws {
    if let seaLevel { try Limits.named("--sea-level").check(seaLevel, source: "command line") }
  }
}

/// The engineering of one route option, today and (optionally) at a scenario sea level, and how
/// it is shown to people (table) and programs (JSON).
struct EngineeringReport: Encodable {
  var option: String
  var landings: [String]
  var study: RouteStudy

  /// The route's analysis figures (length, depths, crossings, intrusions), as `route plan` has them.
  var route: RouteMeasures { study.measures }
  var engineering: RouteEngineering { study.engineering }
  var seaLevelScenario: RouteStudy.Scenario? { study.scenario }
  var primary: RouteEngineering { study.primary }
  var errors: [EngineeringWarning] { study.errors }

  init(
    option: String, route: [Coordinate], landingNames: (String, String), analyzer: RouteAnalyzer,
    engineer: RouteEngineer, waterSurfaceM: Double, seaLevel: Double?
  ) throws {
    self.option = option
    landings = [landingNames.0, landingNames.1]
    study = try RouteStudy(
      route: route, landingNames: landingNames, analyzer: analyzer, engineer: engineer,
      waterSurfaceM: waterSurfaceM, scenarioSurfaceM: seaLevel)
  }

  /// The report of a route read from `file`: a route that cannot be analysed names the file and
  /// the option.
  init(
    imported route: RouteInput, from file: String, analyzer: RouteAnalyzer, engineer: RouteEngineer,
    waterSurfaceM: Double, seaLevel: Double?
  ) throws {
    option = route.option
    landings = [route.landingNames.0, route.landingNames.1]
    let analysis = try analyzer.analyse(route, from: file)
    do {
      study = try RouteStudy(
        analysis: analysis, landingNames: route.landingNames, analyzer: analyzer, engineer: engineer,
        waterSurfaceM: waterSurfaceM, scenarioSurfaceM: seaLevel)
    } catch let error as FileError where error.file == "route" {
      throw FileError(file: file, location: "option \(route.option)", problem: error.problem)
    }
  }

  enum CodingKeys: String, CodingKey {
    case option, landings, route, engineering, seaLevelScenario
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(option, forKey: .option)
    try container.encode(landings, forKey: .landings)
    try container.encode(JSONValue.object(route.jsonMembers), forKey: .route)
    try container.encode(engineering, forKey: .engineering)
    try container.encodeIfPresent(seaLevelScenario, forKey: .seaLevelScenario)
  }

  static func json(_ reports: [EngineeringReport]) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try encoder.encode(["options": reports]), as: UTF8.self)
  }

  /// `route plan`'s JSON document with each option's engineering figures added (at the
  /// scenario level when there is one, with `seaLevelScenario` holding the comparison).
  static func adding(_ reports: [EngineeringReport], toPlan document: JSONValue) -> JSONValue {
    guard case .object(var members) = document, case .array(let options)? = members["options"] else {
      return document
    }
    members["options"] = .array(
      zip(options, reports).map { option, report in
        guard case .object(var figures) = option else { return option }
        figures.merge(report.primary.planMembers) { _, new in new }
        if let scenario = report.seaLevelScenario {
          figures["seaLevelScenario"] = JSONValue(encoding: scenario.comparison)
        }
        return .object(figures)
      })
    return .object(members)
  }

  /// `route plan`'s GeoJSON with the headline engineering figures in each option's properties.
  static func adding(_ reports: [EngineeringReport], toFeatures collection: FeatureCollection)
    -> FeatureCollection
  {
    var result = collection
    for (index, report) in zip(result.features.indices, reports) {
      result.features[index].properties.merge(report.primary.headlineProperties) { _, new in new }
      if let scenario = report.seaLevelScenario {
        result.features[index].properties["seaLevelM"] = .number(scenario.comparison.scenarioSurfaceM)
      }
    }
    return result
  }

  /// One block per option for `route plan`'s table: the headline figures and, with a scenario,
  /// what changes.
  static func summaryTable(_ reports: [EngineeringReport]) -> String {
    var out = ["Cable engineering (ESTIMATES; assumptions and the RPL: `route rpl`, or --rpl FILE)"]
    for report in reports {
      let e = report.primary
      out.append(
        "  Option \(report.option): cable \(km(e.cableLengthKm)) km (seabed \(km(e.seabedLengthKm)), route "
          + "\(km(e.routeLengthKm))); "
          + e.cableTypes.map { "\($0.cableType.rawValue) \(km1($0.cableKm))" }.joined(separator: ", ")
          + " km; buried \(km1(e.buriedKm)) km; USD \(money(e.costUSD)); \(String(format: "%.1f", e.layDays)) lay days; "
          + "\(e.warnings.count) warning(s)")
      if let scenario = report.seaLevelScenario {
        let changes = scenario.comparison.figures.filter { abs($0.change) > 0.0005 }.map { f in
          "\(f.figure) \(f.unit == "USD" ? money(f.change) : String(format: "%+.3f", f.change)) \(f.unit)"
        }
        out.append(
          String(
            format: "    at %.2f m (today %.2f m): ", scenario.comparison.scenarioSurfaceM,
            scenario.comparison.todaySurfaceM)
            + (changes.isEmpty ? "no change" : changes.joined(separator: "; ")))
      }
    }
    return out.joined(separator: "\n")
  }

  /// The report for people: headline figures, the RPL, crossings, warnings, the estimate with
  /// its assumptions, and the sea-level comparison.
  func table() -> String {
    let e = primary
    var out: [String] = []
    let level = e.waterSurfaceM.map { String(format: " at water surface %.2f m", $0) } ?? ""
    out.append("Option \(option): \(landings[0]) → \(landings[1])\(level)")
    for error in errors {
      out.append("  ERROR \(error.kpText)  \(error.kind.rawValue): \(error.message)")
    }
    out.append(
      "  Route length \(km(e.routeLengthKm)) km (geodesic, WGS84) · seabed \(km(e.seabedLengthKm)) km (3-D) · "
        + "cable \(km(e.cableLengthKm)) km (incl. slack and end allowances)")
    out.append(
      "  Cable types: "
        + e.cableTypes.map {
          "\($0.cableType.rawValue) \(km1($0.routeKm)) km route / \(km1($0.cableKm)) km cable"
        }
        .joined(separator: "; "))
    out.append("  Buried at sea \(km1(e.buriedKm)) km; land section \(km1(e.landSectionKm)) km")
    out.append(
      "  Landing approach: "
        + e.landingApproaches.map {
          "\($0.landing) \(km1($0.approachKm)) km to main-lay depth (dry \(km1($0.dryKm)) km)"
        }.joined(separator: "; "))
    out.append(
      "  ESTIMATE: USD \(money(e.costUSD)), \(String(format: "%.1f", e.layDays)) lay days (assumptions below)"
    )

    out.append("")
    out.append("Route Position List")
    var rpl = TextTable([
      ("#", .right), ("Point", .left), ("Latitude", .left), ("Longitude", .left), ("KP km", .right),
      ("Leg km", .right), ("Brg °T", .right), ("Depth m", .right), ("Type", .left), ("Slack %", .right),
      ("Cable km", .right), ("Cum. cable km", .right), ("Burial m", .right), ("Remarks", .left),
    ])
    for row in e.rows {
      rpl.append([
        String(row.index), row.point.rawValue, row.latitudeDDM, row.longitudeDDM, km(row.kpKm),
        row.legKm.map(km) ?? "", row.bearingDegrees.map { String(format: "%.1f", $0) } ?? "",
        row.depthM.map { String(format: "%.0f", $0.rounded() == 0 ? 0 : $0) } ?? "?",
        row.cableType?.rawValue ?? "",
        row.slackPercent.map { String(format: "%.2f", $0) } ?? "", row.legCableKm.map(km) ?? "",
        km(row.cumulativeCableKm),
        row.legKm == nil ? "" : row.burialDepthM.map { String(format: "%.1f", $0) } ?? "none",
        row.remarks.joined(separator: "; "),
      ])
    }
    out.append(rpl.render(indent: "  "))

    if !e.crossings.isEmpty {
      out.append("")
      out.append("Crossings")
      var table = TextTable([
        ("KP km", .right), ("Kind", .left), ("Name", .left), ("Angle °", .right), ("Minimum °", .right),
      ])
      for c in e.crossings {
        table.append([
          km(c.kpKm), c.assetKind, c.assetName, String(format: "%.0f", c.angleDegrees),
          c.minimumAngleDegrees.map { String(format: "%.0f%@", $0, c.isBelowMinimumAngle ? " BELOW" : "") }
            ?? "",
        ])
      }
      out.append(table.render(indent: "  "))
    }
    if !e.clearances.isEmpty {
      out.append("")
      out.append("Closest approach to platforms and protected areas")
      var table = TextTable([
        ("Kind", .left), ("Name", .left), ("Clearance m", .right), ("Required m", .right),
        ("at KP km", .right),
      ])
      for c in e.clearances.prefix(8) {
        table.append([
          c.assetKind, c.assetName, String(format: "%.0f", c.minimumM), String(format: "%.0f", c.requiredM),
          km(c.kpKm),
        ])
      }
      out.append(table.render(indent: "  "))
    }
    out.append("")
    out.append("Warnings (\(e.warnings.count))")
    for w in e.warnings {
      out.append("  \(w.severity == .error ? "ERROR " : "")\(w.kpText)  \(w.kind.rawValue): \(w.message)")
    }

    out.append("")
    out.append("Cost and lay-time ESTIMATE (not a quotation)")
    var cost = TextTable([
      ("Item", .left), ("Quantity", .right), ("Unit", .left), ("Rate", .right), ("Rate unit", .left),
      ("Amount USD", .right),
    ])
    for line in e.estimate.costLines {
      cost.append([
        line.item, String(format: "%.1f", line.quantity), line.unit, money(line.rate), line.rateUnit,
        money(line.amount),
      ])
    }
    cost.append(["total", "", "", "", "", money(e.estimate.totalUSD)])
    out.append(cost.render(indent: "  "))
    var lay = TextTable([
      ("Activity", .left), ("Quantity", .right), ("Unit", .left), ("Rate", .right), ("Rate unit", .left),
      ("Days", .right),
    ])
    for line in e.estimate.layLines {
      lay.append([
        line.item, String(format: "%.1f", line.quantity), line.unit, String(format: "%g", line.rate),
        line.rateUnit,
        String(format: "%.1f", line.amount),
      ])
    }
    lay.append([
      "× weather factor \(String(format: "%g", e.estimate.weatherFactor))", "", "", "", "",
      String(format: "%.1f", e.estimate.layDays),
    ])
    out.append(lay.render(indent: "  "))
    out.append("Assumptions")
    out += e.assumptions.map { "  - \($0)" }

    if let scenario = seaLevelScenario {
      let c = scenario.comparison
      out.append("")
      out.append(
        String(
          format: "Sea-level scenario: water surface %.2f m against today's %.2f m (%+.2f m)",
          c.scenarioSurfaceM,
          c.todaySurfaceM, c.scenarioSurfaceM - c.todaySurfaceM))
      var table = TextTable([("Figure", .left), ("Today", .right), ("Scenario", .right), ("Change", .right)])
      for f in c.figures {
        let value = f.unit == "USD" ? money : { String(format: "%.3f", $0) }
        let change =
          f.unit == "USD"
          ? (f.change < 0 ? "-" : "+") + money(abs(f.change)) : String(format: "%+.3f", f.change)
        table.append(["\(f.figure) (\(f.unit))", value(f.today), value(f.scenario), change])
      }
      out.append(table.render(indent: "  "))
      out.append("  (The RPL and figures above are at the scenario level.)")
    }
    return out.joined(separator: "\n")
  }
}

private func km(_ value: Double) -> String { String(format: "%.3f", value) }
private func km1(_ value: Double) -> String { String(format: "%.1f", value) }

/// Whole US dollars with thousands separators.
private func money(_ value: Double) -> String { groupedThousands(value) }

/// `--strict`: error-level findings on a route (land or a no-go zone crossed) make the command
/// fail, after its output is written.
struct StrictOption: ParsableArguments {
  @Flag(help: "Exit 1 when a route has an error-level finding (it crosses land or a no-go zone).")
  var strict = false

  /// Tells of each error-level finding on standard error (one line each, so that it is seen even
  /// when standard output goes to a file); with `--strict`, throws after them.
  func check(_ reports: [EngineeringReport], file: String) throws {
    try check(errors: reports.flatMap { report in report.errors.map { (report.option, $0) } }, file: file)
  }

  /// `check` for findings by option.
  func check(errors: [(option: String, finding: EngineeringWarning)], file: String) throws {
    for (option, error) in errors {
      StandardError.write(
        "caspian-link: error: \(file): option \(option): \(error.kpText) \(error.kind.rawValue): \(error.message)\n"
      )
    }
    if strict, !errors.isEmpty {
      throw ExitCode(1)
    }
  }
}
