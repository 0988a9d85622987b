import CaspianAnalysis
import CaspianSchedule
import CaspianSupport
import Foundation

/// The route chosen for the project (`caspian-link route select`): which option of which file,
/// when, and its figures from the route analysis. The schedule measures the lay against
/// `lengthKm`.
public struct RouteSelection: Sendable, Equatable {
  /// The option id in the file it was chosen from.
  public var option: String
  public var from: String
  public var to: String
  /// Geodesic length on WGS84, km (the route analysis' track).
  public var lengthKm: Double
  public var alterCoursePoints: Int
  /// Geodesic between the ends, km.
  public var baselineKm: Double
  /// Deepest sampled water depth along the route, m (nil without depth data).
  public var maxDepthM: Double?
  /// Pipelines, cables and lanes crossed (sector boundaries are not counted), as `route plan`.
  public var crossings: Int
  /// Stretches over land or through no-go zones away from the landings.
  public var intrusions: Int
  /// When it was chosen: an ISO 8601 UTC timestamp.
  public var selectedAt: String
  /// The file it was chosen from, as given.
  public var source: String

  /// "option 1 Aktau - Sumgait".
  public var name: String { "option \(option) \(from) - \(to)" }

  /// The route as KP records name it: "option 1 of routes.geojson, 356.715 km, chosen 2026-12-03T12:55:39Z".
  public var reference: String {
    "option \(option) of \(source), \(Plan.printedKm(lengthKm)) km, chosen \(selectedAt)"
  }

  /// The plan with its lay measured against this route.
  /// - Throws: `ScheduleError` if the length is outside `routeLengthKm`'s range.
  public func applied(to plan: Plan) throws -> Plan {
    try plan.withRoute(
      name: name, lengthKm: lengthKm,
      source: "selected route: option \(option) of \(source), chosen \(selectedAt)")
  }

  public var jsonValue: JSONValue {
    [
      "option": .string(option), "from": .string(from), "to": .string(to), "lengthKm": .number(lengthKm),
      "printedLengthKm": .string(Plan.printedKm(lengthKm)),
      "alterCoursePoints": .number(Double(alterCoursePoints)), "baselineKm": .number(baselineKm),
      "maxDepthM": JSONValue(maxDepthM), "crossings": .number(Double(crossings)),
      "intrusions": .number(Double(intrusions)), "selectedAt": .string(selectedAt), "source": .string(source),
    ]
  }

  /// Reads `selection.json`; `file` names it in errors.
  /// - Throws: `FileError` naming the file and the problem.
  public static func parse(_ data: Data, file: String) throws -> RouteSelection {
    let value: JSONValue
    do {
      value = try JSONValue.parse(data, rejectingDuplicateKeys: true)
    } catch {
      throw FileError(file: file, problem: "not JSON: \(error)")
    }
    guard case .object(let fields) = value else { throw FileError(file: file, problem: "not a JSON object") }
    func text(_ key: String) throws -> String {
      guard let text = fields[key]?.stringValue else {
        throw FileError(file: file, problem: "\(key) must be a string")
      }
      return text
    }
    func number(_ key: String) throws -> Double {
      guard let number = fields[key]?.doubleValue, number.isFinite else {
        throw FileError(file: file, problem: "\(key) must be a number")
      }
      return number
    }
    let length = try number("lengthKm")
    if let problem = Limits.routeLengthKm.problem(length) { throw FileError(file: file, problem: problem) }
    return RouteSelection(
      option: try text("option"), from: try text("from"), to: try text("to"), lengthKm: length,
      alterCoursePoints: Int(try number("alterCoursePoints")), baselineKm: try number("baselineKm"),
      maxDepthM: fields["maxDepthM"]?.doubleValue, crossings: Int(try number("crossings")),
      intrusions: Int(try number("intrusions")), selectedAt: try text("selectedAt"),
      source: try text("source"))
  }

}

extension RouteSelection {
  /// The selection of `option` (its landings, its route analysis), chosen at `selectedAt` from `source`.
  public init(
    option: String, landingNames: (String, String), analysis: RouteAnalysis, selectedAt: String,
    source: String
  ) {
    // The figures every other command gives for the route (crossings of pipelines, cables and
    // lanes, as `route plan`'s CROSSINGS column; sector boundaries are not crossings).
    let measures = RouteMeasures(analysis)
    self.init(
      option: option, from: landingNames.0, to: landingNames.1, lengthKm: measures.routeLengthKm,
      alterCoursePoints: analysis.track.points.count, baselineKm: measures.baselineKm,
      maxDepthM: measures.maxDepthM, crossings: measures.crossings.count,
      intrusions: measures.intrusions.count, selectedAt: selectedAt, source: source)
  }
}

extension Project {
  /// The selected route, or nil if none has been selected.
  /// - Throws: `FileError` for a selection file that cannot be read.
  public func selection() throws -> RouteSelection? {
    guard FileManager.default.fileExists(atPath: selectionURL.path) else { return nil }
    let data: Data
    do {
      data = try Data(contentsOf: selectionURL)
    } catch {
      throw FileError(file: selectionURL.path, problem: "cannot read: \(error.localizedDescription)")
    }
    return try RouteSelection.parse(data, file: selectionURL.path)
  }

  /// Stores `selection` and the route's GeoJSON `geometry` (both or neither).
  public func store(_ selection: RouteSelection, geometry: Data) throws {
    try AtomicFile.write([
      (geometry, selectedRouteURL), (Data(selection.jsonValue.prettyPrinted().utf8), selectionURL),
    ])
  }
}
