import CaspianAnalysis
import CaspianEngineering
import CaspianGeodata
import CaspianGeometry
import CaspianProject
import CaspianReport
import CaspianRouting
import CaspianSchedule
import CaspianSupport
import Foundation

/// One route option on its way into the report: where it runs and what the engineering layer
/// made of it.
struct ReportedRoute {
  var name: String
  var points: [Coordinate]
  var landingNames: (String, String)
  /// How the route was found: the planner's summary, or the file it was read from.
  var howFound: String
  /// The route's analysis figures (the same as `route plan` and `route rpl` give).
  var measures: RouteMeasures
  var engineering: RouteEngineering
}

/// Adapters from the data set, the planner, the engineering layer and the schedule to the
/// report's plain inputs.
enum ReportInputs {
  static func mapLayers(data: GeodataSet, routes: [ReportedRoute], title: String) -> MapLayers {
    MapLayers(
      title: title, sea: data.sea.polygons, relief: relief(data),
      landings: data.landings.map { MapPlace(name: $0.name, coordinate: $0.coordinate) },
      hazards: data.hazards.map {
        MapHazard(kind: $0.kind.rawValue, name: $0.name, geometry: $0.geometry, noGo: $0.constraint == .noGo)
      },
      routes: routes.map { MapRoute(name: $0.name, points: $0.points) })
  }

  /// Water depth of every grid cell whose centre lies in the sea, at the data set's water level.
  static func relief(_ data: GeodataSet) -> ReliefGrid {
    let grid = data.grid
    let wet = grid.mask(inside: data.sea.polygons)
    var depths: [Double?] = []
    depths.reserveCapacity(grid.cellCount)
    for row in 0..<grid.rowCount {
      for column in 0..<grid.columnCount {
        let inSea = wet[grid.index(row: row, column: column)]
        depths.append(inSea ? grid.elevation(row: row, column: column).map { data.waterSurfaceM - $0 } : nil)
      }
    }
    return ReliefGrid(
      columnCount: grid.columnCount, rowCount: grid.rowCount, westLongitude: grid.westLongitude,
      northLatitude: grid.northLatitude, cellWidthDegrees: grid.cellWidthDegrees,
      cellHeightDegrees: grid.cellHeightDegrees, depthsM: depths)
  }

  /// The straight line diagram's series: the analysis's depth profile (by KP along the whole
  /// route, at the engineering file's sample spacing), cable and burial bands from the RPL legs,
  /// crossings and warnings from the checks.
  static func profile(_ route: ReportedRoute) -> ProfileSeries {
    let samples = route.measures.profile.map { DepthSample(kpKm: $0.kpKm, depthM: $0.depthM) }
    let engineering = route.engineering
    let cableBands = engineering.cableTypeRuns.map {
      CableBand(startKm: $0.fromKpKm, endKm: $0.toKpKm, cableType: $0.value.rawValue)
    }
    let burialBands = engineering.burialRuns.map {
      BurialBand(startKm: $0.fromKpKm, endKm: $0.toKpKm, depthM: $0.value)
    }
    return ProfileSeries(
      name: route.name, startName: route.landingNames.0, endName: route.landingNames.1,
      lengthKm: engineering.routeLengthKm, samples: samples, cableBands: cableBands, burialBands: burialBands,
      crossings: engineering.crossings.map {
        KPMarker(
          kpKm: $0.kpKm, label: $0.assetName,
          detail: "\($0.assetKind) at \(String(format: "%.0f", $0.angleDegrees))°"
            + String(format: ", %.5f° E %.5f° N", $0.coordinate.longitude, $0.coordinate.latitude))
      },
      warnings: engineering.warnings.map {
        KPMarker(
          kpKm: $0.fromKpKm, endKm: $0.toKpKm,
          label: ($0.severity == .error ? "ERROR " : "") + $0.kind.rawValue,
          detail: $0.message)
      })
  }

  /// The numbers the report draws, for its JSON data block: per route its analysis figures
  /// (the members `route plan --format json` gives an option), the engineering headline and the
  /// error-level findings.
  static func data(_ routes: [ReportedRoute]) -> JSONValue {
    [
      "routes": .array(
        routes.map { route in
          var members = route.measures.jsonMembers
          members["name"] = .string(route.name)
          members["landings"] = [.string(route.landingNames.0), .string(route.landingNames.1)]
          members.merge(route.engineering.headlineProperties) { current, _ in current }
          members["warnings"] = .array(route.engineering.warnings.map(\.jsonValue))
          return .object(members)
        })
    ]
  }

  /// The KPs laid by the end of `asOf` on the project's selected route (the fixes `lay import`
  /// kept), when the report draws that route; nil otherwise or before any fix.
  static func asLaid(_ loaded: LoadedPlan, route: String?, routes: [ReportedRoute], asOf: CalendarDate) throws
    -> ClosedRange<Double>?
  {
    guard let project = loaded.project, route == project.selectedRouteURL.path, let selected = routes.first
    else {
      return nil
    }
    let fixes = try project.layFixes(upTo: asOf, history: loaded.history)
    guard !fixes.isEmpty else { return nil }
    let placed = AsLaid(
      fixes: fixes, track: try RouteTrack(points: selected.points), maxOffsetM: LayOptions.defaultMaxOffsetM
    ).onRoute.map(\.kpKm)
    guard let low = placed.min(), let high = placed.max() else { return nil }
    return low...high
  }

  /// The options side by side.
  static func figures(_ routes: [ReportedRoute]) -> FiguresTable {
    func row(_ label: String, _ value: (ReportedRoute) -> String) -> FiguresTable.Row {
      FiguresTable.Row(label, routes.map(value))
    }
    var rows = [
      row("How it was found") { $0.howFound },
      row("Route length, geodesic WGS84 (km)") { fixed($0.engineering.routeLengthKm, 1) },
      row("Straight baseline between the landings (km)") { fixed($0.measures.baselineKm, 1) },
      row("Detour ratio") { fixed($0.measures.detourRatio, 3) },
      row("Alter-course legs") { "\($0.points.count - 1)" },
      row("Seabed length (km)") { fixed($0.engineering.seabedLengthKm, 1) },
      row("Cable length incl. slack and ends (km)") { fixed($0.engineering.cableLengthKm, 1) },
    ]
    for type in CableType.allCases {
      let values = routes.map { route in route.engineering.cableTypes.first { $0.cableType == type } }
      guard values.contains(where: { $0 != nil }) else { continue }
      rows.append(
        FiguresTable.Row(
          "Cable \(type.rawValue) (km)", values.map { $0.map { fixed($0.cableKm, 1) } ?? "0.0" }))
    }
    rows += [
      row("Buried at sea (km)") { fixed($0.engineering.buriedKm, 1) },
      row("Shallow approach at each end, to main-lay depth (km)") {
        $0.engineering.landingApproaches.map { "\($0.landing) \(fixed($0.approachKm, 1))" }.joined(
          separator: ", ")
      },
      row("Max depth (m)") { $0.measures.maxDepthM.map { fixed($0, 0) } ?? "–" },
      row("Mean depth (m)") { $0.measures.meanDepthM.map { fixed($0, 0) } ?? "–" },
      row("Max slope (°)") { $0.measures.maxSlopeDeg.map { fixed($0, 2) } ?? "–" },
      row("Pipeline/cable crossings") { "\($0.engineering.crossings.filter(\.isAssetCrossing).count)" },
      row("Other lines crossed (boundaries, lanes)") {
        "\($0.engineering.crossings.filter { !$0.isAssetCrossing }.count)"
      },
      row("Errors (land or no-go crossed)") {
        "\($0.engineering.warnings.filter { $0.severity == .error }.count)"
      },
      row("Engineering warnings") { "\($0.engineering.warnings.count)" },
      row("Cost estimate (million USD)") { fixed($0.engineering.costUSD / 1e6, 2) },
      row("Lay time incl. weather (days)") { fixed($0.engineering.layDays, 0) },
    ]
    return FiguresTable(options: routes.map(\.name), rows: rows)
  }

  /// The Gantt rows, the progress summary (the numbers of `progress`) and the milestone trend
  /// chart (the computed forecasts of the milestones on every record date).
  static func schedule(_ summary: ProgressSummary, routeBasis: String, trend: [ActivityTrend]) throws
    -> SchedulePart
  {
    let status = summary.status
    func date(_ day: CalendarDate) -> Date { Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400) }
    let rows = status.activities.map { item in
      GanttRow(
        id: item.activity.id, name: item.activity.name + (item.activity.assumption == nil ? "" : " *"),
        baselineStart: date(item.activity.baselineStart), baselineFinish: date(item.activity.baselineFinish),
        start: date(item.actualStart ?? item.forecastStart),
        finish: date(item.actualFinish ?? item.forecastFinish),
        startIsActual: item.actualStart != nil, finishIsActual: item.actualFinish != nil,
        critical: item.critical,
        status: item.state.label)
    }
    let chart = GanttChart(
      title: "\(status.plan.project): schedule as of \(status.asOf)", rows: rows, asOf: date(status.asOf),
      deadline: date(status.plan.deadline))
    let (open, late) = (summary.open, summary.late)
    var progress = [
      SummaryItem(
        "Percent complete",
        "\(fixed(status.percentComplete, 1)) % earned vs \(fixed(status.plannedPercent, 1)) % planned"
          + (status.spi.map { " (SPI \(fixed($0, 2)))" } ?? "")),
      SummaryItem(
        "Ready for service",
        "forecast \(status.forecastFinish), deadline \(status.plan.deadline): \(marginText(status.marginDays))"
      ),
      SummaryItem(
        "Critical path", status.criticalPath.isEmpty ? "–" : status.criticalPath.joined(separator: " → ")),
      SummaryItem(
        "Milestones", "\(status.activities.count - open.count) done, \(open.count) open, \(late.count) late"),
      SummaryItem(
        "Late",
        late.isEmpty ? "none" : late.map { "\($0.activity.id) (+\($0.slipDays) d)" }.joined(separator: ", ")),
      SummaryItem(
        "At risk",
        summary.atRisk.isEmpty
          ? "none"
          : summary.atRisk.map { "\($0.activity.id) (float \($0.totalFloatDays ?? 0) d)" }.joined(
            separator: ", ")),
    ]
    if let length = summary.routeLengthKm {
      progress.append(
        SummaryItem(
          "Route",
          "\(status.plan.routeName ?? "planned route"), \(Plan.printedKm(length)) km" + routeLabel(routeBasis)
        ))
    }
    if let laid = summary.cableLaidKm, let length = summary.routeLengthKm {
      progress.append(SummaryItem("Cable laid", "\(Plan.printedKm(laid)) km of \(Plan.printedKm(length)) km"))
    }
    progress.append(SummaryItem("Last record", lastRecordedText(status)))
    progress.append(
      SummaryItem("Marked *", "dates partly assumed (not on the public record); finish dates are inclusive"))
    let series = trend.filter { $0.activity.isMilestone && !$0.computed.isEmpty }.map { item in
      MilestoneTrendSeries(
        id: item.activity.id, name: item.activity.name,
        points: item.computed.map {
          MilestoneTrendSeries.Point(reported: date($0.recorded), forecast: date($0.finish), done: $0.done)
        })
    }
    let trendChart =
      series.isEmpty
      ? nil
      : try MilestoneTrendChart(
        title: "Milestone trend to \(status.asOf)", series: series, asOf: date(status.asOf)
      ).render()
    return SchedulePart(gantt: try chart.render(), progress: progress, trend: trendChart)
  }

  /// The assumptions behind the figures: the data set's water level, the planner's cost model
  /// and notes, the engineering defaults.
  static func assumptions(
    routes: [ReportedRoute], data: GeodataSet, model: CostModel?, notes: [String]
  ) -> [String] {
    var lines = [
      "Depths: \(data.name), water surface \(fixed(data.waterSurfaceM, 2)) m relative to mean ocean level;"
        + " depth = water surface − grid elevation.",
      "Lengths: geodesics on the WGS84 ellipsoid (PROJ geodesic); the map only is drawn in the"
        + " Caspian azimuthal equidistant projection.",
    ]
    if let model {
      lines.append(
        "Route search: \(fixed(model.cellSizeM, 0)) m cells, \(model.connectivity)-connected; shallow water"
          + " (< \(fixed(model.shallowWaterDepthM, 0)) m) penalty \(fixed(model.shallowWaterPenalty, 2)),"
          + " crossing cost \(fixed(model.crossingCostKm, 1)) km, alternative corridors"
          + " \(fixed(model.corridorHalfWidthKm, 0)) km half-width.")
    }
    lines += notes.map { "Route planner: \($0)" }
    var seen = Set<String>()
    for line in routes.flatMap(\.engineering.assumptions) where seen.insert(line).inserted {
      lines.append(line)
    }
    return lines
  }
}
