import ArgumentParser
import CaspianAnalysis
import CaspianEngineering
import CaspianGeodata
import CaspianGeometry
import CaspianProject
import CaspianRouting
import CaspianSchedule
import CaspianSupport
import Foundation

extension CaspianLink.Route {
  struct Select: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "select",
      abstract: "Choose the project's route: the schedule, progress and report use it from then on.",
      discussion: """
        Stores the option's line and alter-course points (route/selected-route.geojson, as \
        `route plan --output` writes them) and its figures from the route analysis, with when and \
        from what it was chosen (route/selection.json). The lay is then measured against its \
        length: KPs are accepted up to the length as printed (3 decimals; a KP within 0.5 m of the \
        end is the end). Re-selecting when KPs have been recorded needs --force; the records stay \
        in the history.

        Examples:
          caspian-link route select --route routes.geojson --option 1
          caspian-link route plan --from Aktau --to Sumgait --select 1
        """)

    @Option(help: ArgumentHelp("Route GeoJSON, as `route plan --output` writes it.", valueName: "file"))
    var route: String

    @Option(help: ArgumentHelp("The option in --route to choose.", valueName: "id")) var option: String

    @Flag(help: "Replace a selected route although KPs were recorded against it.") var force = false

    @OptionGroup var project: ProjectOption

    @OptionGroup var geodata: GeodataOptions
    @OptionGroup var engineering: EngineeringOptions

    func run() async throws {
      let project = try ProjectLocation.require(flag: project.directory, command: "route select")
      let data = try geodata.load()
      let collection = try GeoJSON.readFeatureCollection(from: URL(fileURLWithPath: route))
      let message = try RouteSelector.select(
        option: option, of: collection, source: route, project: project, data: data,
        parameters: try engineering.parameters(), force: force)
      print(message)
    }
  }
}

/// Storing the chosen option in the project (`route select`, `route plan --select`).
enum RouteSelector {
  /// Analyses option `option` of `collection` (read from `source`), checks the project's records
  /// against its length, and stores it. Returns the line to print.
  static func select(
    option: String, of collection: FeatureCollection, source: String, project: Project, data: GeodataSet,
    parameters: EngineeringParameters, force: Bool
  ) throws -> String {
    try refuseWritingIntoInstalledGeodata(project.selectionURL)
    let input = try RouteFile.read(collection, path: source, option: option, landings: data.landings)[0]
    let analyzer = try RouteAnalyzer(
      data: data, depth: try SeaMaskedDepth(data: data, nearshoreDepthM: parameters.landing.nearshoreDepthM))
    let analysis: RouteAnalysis
    do {
      analysis = try analyzer.analyse(input.points)
    } catch let problem as RouteProblem {
      throw FileError(file: source, problem: "option \(option): \(problem)")
    }
    let selection = RouteSelection(
      option: input.option, landingNames: input.landingNames, analysis: analysis,
      selectedAt: ISO8601DateFormatter().string(from: Date()), source: source)

    // The project's records must fit the new route; KPs measured against another route need --force.
    let basePlan = try PlanParser.read(from: project.planURL)
    let log = UpdateLog.url(forPlan: project.planURL)
    let previous = try project.selection()
    let kpRecords = try UpdateLog.read(from: log, plan: try previous?.applied(to: basePlan) ?? basePlan)
      .recordsWithKP()
    var lines: [String] = []
    if let previous, !kpRecords.isEmpty {
      let ids = kpRecords.map {
        "\($0.id) (\($0.record.id) KP \(Plan.printedKm($0.record.kp!)) on \($0.record.recorded)"
          + ($0.record.route.map { ", measured on \($0)" } ?? "") + ")"
      }
      guard force else {
        throw FileError(
          file: "route select",
          problem:
            "\(kpRecords.count) KP record(s) were measured against the selected \(previous.name) (\(Plan.printedKm(previous.lengthKm)) km): \(ids.joined(separator: ", ")); give --force to select another route"
        )
      }
      lines.append(
        "Records measured against the earlier \(previous.name) (\(Plan.printedKm(previous.lengthKm)) km), kept in the history: "
          + ids.joined(separator: ", "))
    }
    _ = try UpdateLog.read(from: log, plan: try selection.applied(to: basePlan))
    let geometry = GeoJSON.encode(
      FeatureCollection(features: RouteFile.features(of: input.option, in: collection)))
    try project.store(selection, geometry: geometry)
    let lay = basePlan.activities.first(where: \.progressByKP)
    lines.insert(
      "Selected \(selection.name) from \(source): \(Plan.printedKm(selection.lengthKm)) km, \(selection.alterCoursePoints) alter-course points, "
        + "max depth \(selection.maxDepthM.map { "\(Int($0.rounded())) m" } ?? "unknown"), \(selection.crossings) crossing(s)"
        + (lay.map { "; \($0.id) is now measured against it" } ?? "")
        + (basePlan.routeLengthKm.map {
          " (the plan's routeLengthKm \(Plan.printedKm($0)) km is the fallback)"
        } ?? "")
        + " -> \(project.selectionURL.path)", at: 0)
    return lines.joined(separator: "\n")
  }
}

extension UpdateHistory {
  /// The KP records in force, with their record ids.
  func recordsWithKP() throws -> [(id: String, record: ProgressUpdate)] {
    let superseded = try supersededBy()
    return records.enumerated().filter { superseded[$0.offset] == nil && $0.element.kp != nil }
      .map { (Self.recordID($0.offset), $0.element) }
  }
}
