import CaspianGeodata
import CaspianGeometry
import Foundation
import Testing

@testable import CaspianRouting

/// The "strait" fixture: a rectangular sea (50–51° E, 42–42.6° N, 100 m deep) with an island
/// in the middle (50.35–50.55° E, 42.15–42.45° N); the southern passage is closed by the
/// no-go "South Field", a platform with a 500 m safety zone stands west of the northern passage,
/// and a soft pipeline runs from the south coast to the east coast, between the landings West
/// (50.10, 42.30) and East (50.95, 42.30).
enum StraitFixture {
  static let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    .appendingPathComponent("strait", isDirectory: true)

  static func data() throws -> GeodataSet {
    try GeodataSet.load(GeodataSources(directory: directory))
  }

  static func planner(_ configure: (inout CostModel) -> Void = { _ in }) throws -> RoutePlanner {
    var model = CostModel()
    configure(&model)
    return try RoutePlanner(data: try data(), model: model)
  }
}

/// Checks a route against the data set with GEOS directly: in the sea, outside every no-go
/// zone (platform safety zones buffered here, independently of the planner).
func expectRespectsConstraints(
  _ vertices: [Coordinate], data: GeodataSet, sourceLocation: SourceLocation = #_sourceLocation
)
  throws
{
  let engine = try GeometryEngine()
  let line = Geometry.lineString(vertices)
  #expect(
    try engine.prepare(data.sea.geometry).covers(line), "route leaves the sea", sourceLocation: sourceLocation
  )
  for hazard in data.hazards where hazard.constraint == .noGo || hazard.kind == .platform {
    let zone =
      hazard.kind == .platform
      ? try engine.buffer(hazard.geometry, metres: hazard.safetyZoneM ?? 500) : hazard.geometry
    #expect(
      !(try engine.intersects(line, zone)), "route enters \(hazard.name)", sourceLocation: sourceLocation)
  }
}

@Suite("Route planner on a synthetic strait")
struct RoutePlannerTests {
  @Test("West → East goes round the island by the north, past the platform, and crosses the pipeline once")
  func aroundTheIsland() throws {
    let planner = try StraitFixture.planner()
    let plan = try planner.plan(
      from: try planner.landing(named: "west"), to: try planner.landing(named: "EAST"), optionCount: 3)
    #expect(plan.from.name == "West" && plan.to.name == "East")
    #expect(!plan.options.isEmpty)
    for option in plan.options {
      try expectRespectsConstraints(option.vertices, data: planner.data)
      #expect(option.vertices.first == plan.from.coordinate && option.vertices.last == plan.to.coordinate)
      // The only way round is north of the island (its north shore is at 42.45° N).
      #expect(option.vertices.contains { $0.latitude > 42.45 && $0.longitude > 50.3 && $0.longitude < 50.6 })
      #expect(option.measures.crossings.count == 1)
      #expect(option.measures.crossings.first?.assetName == "Diagonal Pipeline")
      #expect(abs(option.measures.routeLengthKm - Independent.pathKm(option.vertices)) < 1e-6)
      #expect(option.measures.routeLengthKm > option.measures.baselineKm)
      // A ship's route, not a staircase: a handful of legs.
      #expect(option.legs <= 8)
    }
    let first = plan.options[0]
    #expect(
      abs(
        first.measures.baselineKm - Independent.vincentyMetres(plan.from.coordinate, plan.to.coordinate)
          / 1000) < 1e-6)
    // Clearance to the platform: at least its 500 m safety zone.
    let platform = try #require(first.measures.clearances.first { $0.kind == "platform" })
    #expect(platform.km >= 0.5)
    #expect(first.measures.clearances.first { $0.kind == "field" }.map { $0.km > 0 } == true)
    // Depth: the fixture is 100 m deep everywhere.
    #expect(abs((first.measures.maxDepthM ?? 0) - 100) < 1e-3)
    let band = try #require(first.measures.depthBands.first { $0.fromM == 50 })
    #expect(abs(band.lengthKm - first.measures.routeLengthKm) < 1e-6)
  }

  @Test("A crossing's angle and KP match an independent computation")
  func crossingAngle() throws {
    let planner = try StraitFixture.planner()
    let from = try planner.point(
      Coordinate(longitude: 50.70, latitude: 42.30), name: "A", label: "--from-point")
    let to = try planner.point(Coordinate(longitude: 50.95, latitude: 42.30), name: "B", label: "--to-point")
    let plan = try planner.plan(from: from, to: to, optionCount: 1)
    let option = try #require(plan.options.first)
    #expect(option.legs == 1)
    let crossing = try #require(option.measures.crossings.first)
    #expect(option.measures.crossings.count == 1)
    // The pipeline runs from (50.60, 41.95) to (51.05, 42.65); it meets 42.30° N at 50.825° E
    // (the route is the geodesic, which bows a few metres north of the parallel).
    #expect(
      abs(crossing.coordinate.longitude - 50.825) < 1e-4 && abs(crossing.coordinate.latitude - 42.30) < 1e-4)
    let pipeline = Independent.localBearing(
      Coordinate(longitude: 50.60, latitude: 41.95), Coordinate(longitude: 51.05, latitude: 42.65))
    let route = Independent.localBearing(from.coordinate, to.coordinate)
    #expect(
      abs(crossing.angleDegrees - abs(route - pipeline)) < 0.3,
      "\(crossing.angleDegrees) vs \(abs(route - pipeline))"
    )
    let kp = Independent.vincentyMetres(from.coordinate, crossing.coordinate) / 1000
    #expect(abs(crossing.kpKm - kp) < 1e-3)
    #expect(!crossing.isBelowMinimumAngle)
  }

  @Test("A waypoint is kept as an alter-course point")
  func waypoint() throws {
    let planner = try StraitFixture.planner()
    let via = try planner.point(Coordinate(longitude: 50.45, latitude: 42.55), name: "via", label: "--via")
    let plan = try planner.plan(
      from: try planner.landing(named: "West"), to: try planner.landing(named: "East"), via: [via],
      optionCount: 1)
    let option = try #require(plan.options.first)
    #expect(option.vertices.contains(via.coordinate))
    try expectRespectsConstraints(option.vertices, data: planner.data)
  }

  @Test("Bad points: unknown landing, on land, in a no-go zone, in a safety zone")
  func badPoints() throws {
    let planner = try StraitFixture.planner()
    let unknown = try #require(throws: RoutingError.self) { try planner.landing(named: "Wesst") }
    #expect(unknown.description.contains("no landing named \"Wesst\"; did you mean West?"))
    #expect(unknown.description.contains("(known: West, East)"))
    let island = try #require(throws: RoutingError.self) {
      try planner.point(Coordinate(longitude: 50.45, latitude: 42.30), name: "x", label: "--from-point")
    }
    // The island's nearest shore is 0.1° of longitude away: about 8.2 km at 42.3° N.
    guard case .pointOnLand(_, _, _, let km) = island else { Issue.record("\(island)"); return }
    #expect(abs(km - 8.24) < 0.05)
    #expect(island.description.contains("point is on land, 8.2 km from the water"))
    let field = try #require(throws: RoutingError.self) {
      try planner.point(Coordinate(longitude: 50.45, latitude: 42.05), name: "x", label: "--via")
    }
    #expect(field.description.contains("inside the no-go field \"South Field\""))
    let zone = try #require(throws: RoutingError.self) {
      try planner.point(Coordinate(longitude: 50.202, latitude: 42.501), name: "x", label: "--via")
    }
    #expect(zone.description.contains("platform safety zone \"North Platform\""))
  }

  @Test("Compass points of directions")
  func compass() {
    #expect(RoutePlanner.compassPoint(east: 0, north: 1) == "N")
    #expect(RoutePlanner.compassPoint(east: 1, north: 1) == "NE")
    #expect(RoutePlanner.compassPoint(east: 1, north: -0.3) == "E")
    #expect(RoutePlanner.compassPoint(east: -1, north: -1) == "SW")
    #expect(RoutePlanner.compassPoint(east: -0.2, north: 1) == "N")
    #expect(RoutePlanner.compassPoint(east: -1, north: 0.3) == "W")
    #expect(RoutePlanner.compassPoint(east: -1, north: 0.5) == "NW")
  }

  @Test("No route: the two ends are the same point")
  func samePoint() throws {
    let planner = try StraitFixture.planner()
    let west = try planner.landing(named: "West")
    let error = try #require(throws: RoutingError.self) { try planner.plan(from: west, to: west) }
    #expect(error.description == "no route from West to West: they are the same point")
  }

  @Test("No route: the message names the no-go zones that close the way")
  func closedByNoGo() throws {
    let data = try StraitFixture.data()
    let north = Polygon(exterior: [
      .init(longitude: 50.40, latitude: 42.40), .init(longitude: 50.50, latitude: 42.40),
      .init(longitude: 50.50, latitude: 42.65), .init(longitude: 50.40, latitude: 42.65),
      .init(longitude: 50.40, latitude: 42.40),
    ])
    let closed = GeodataSet(
      name: data.name, files: data.files, sea: data.sea, grid: data.grid, waterSurfaceM: data.waterSurfaceM,
      landings: data.landings,
      hazards: data.hazards + [
        Hazard(kind: .protectedArea, name: "North Reserve", geometry: .polygon(north), constraint: .noGo)
      ])
    let planner = try RoutePlanner(data: closed)
    let error = try #require(throws: RoutingError.self) {
      try planner.plan(from: try planner.landing(named: "West"), to: try planner.landing(named: "East"))
    }
    #expect(error.description.hasPrefix("no route from West to East: the no-go zones"))
    #expect(error.description.contains("\"North Reserve\" (protected-area)"))
    #expect(error.description.contains("\"South Field\" (field)"))
  }

  @Test("No route: two separate waters — land closes the way")
  func closedByLand() throws {
    let data = try StraitFixture.data()
    func box(_ x0: Double, _ x1: Double) -> Polygon {
      Polygon(exterior: [
        .init(longitude: x0, latitude: 42.0), .init(longitude: x1, latitude: 42.0),
        .init(longitude: x1, latitude: 42.6), .init(longitude: x0, latitude: 42.6),
        .init(longitude: x0, latitude: 42.0),
      ])
    }
    let split = GeodataSet(
      name: data.name, files: data.files,
      sea: SeaArea(name: "two lakes", source: nil, polygons: [box(50.0, 50.4), box(50.6, 51.0)]),
      grid: data.grid, waterSurfaceM: data.waterSurfaceM, landings: data.landings, hazards: [])
    let planner = try RoutePlanner(data: split)
    let error = try #require(throws: RoutingError.self) {
      try planner.plan(from: try planner.landing(named: "West"), to: try planner.landing(named: "East"))
    }
    #expect(error.description.contains("land closes the way"))
  }

  @Test("Output is deterministic")
  func deterministic() throws {
    let a = try StraitFixture.planner()
    let b = try StraitFixture.planner()
    let planA = try a.plan(from: try a.landing(named: "West"), to: try a.landing(named: "East"))
    let planB = try b.plan(from: try b.landing(named: "West"), to: try b.landing(named: "East"))
    #expect(planA.jsonValue.serialized() == planB.jsonValue.serialized())
    #expect(GeoJSON.encode(planA.featureCollection()) == GeoJSON.encode(planB.featureCollection()))
  }

  @Test("A soft area on the shortest way: the least-cost option goes round it, shortest safe goes through")
  func softAreaSteers() throws {
    let data = try StraitFixture.data()
    let box = Polygon(exterior: [
      .init(longitude: 50.66, latitude: 42.36), .init(longitude: 50.80, latitude: 42.36),
      .init(longitude: 50.80, latitude: 42.44), .init(longitude: 50.66, latitude: 42.44),
      .init(longitude: 50.66, latitude: 42.36),
    ])
    let anchorage = Hazard(kind: .port, name: "Anchorage", geometry: .polygon(box), constraint: .soft)
    let withAnchorage = GeodataSet(
      name: data.name, files: data.files, sea: data.sea, grid: data.grid, waterSurfaceM: data.waterSurfaceM,
      landings: data.landings, hazards: data.hazards + [anchorage])
    var model = CostModel()
    model.portPenalty = 5
    let planner = try RoutePlanner(data: withAnchorage, model: model)
    let plan = try planner.plan(
      from: try planner.landing(named: "West"), to: try planner.landing(named: "East"), optionCount: 2)
    try #require(plan.options.count == 2)
    let (least, shortest) = (plan.options[0], plan.options[1])
    #expect(least.kind == .leastCost && shortest.kind == .shortestSafe)
    // Length inside the anchorage, km (cells are 1 km: the least-cost route may clip a corner).
    let engine = try GeometryEngine()
    func kmInside(_ option: RouteOption) throws -> Double {
      let inside = try engine.intersection(.lineString(option.vertices), .polygon(box))
      let parts: [[Coordinate]]
      switch inside {
      case .lineString(let line): parts = [line]
      case .multiLineString(let lines): parts = lines
      default: parts = []
      }
      return parts.reduce(0) { $0 + Independent.pathKm($1) }
    }
    #expect(try kmInside(least) < 0.5)
    #expect(try kmInside(shortest) > 10)
    #expect(least.costKm < shortest.costKm)
    #expect(least.measures.routeLengthKm > shortest.measures.routeLengthKm)
    let comparison = try #require(shortest.comparison)
    #expect(
      abs(comparison.lengthDeltaKm - (shortest.measures.routeLengthKm - least.measures.routeLengthKm)) < 1e-9)
    #expect(shortest.summary.contains("shorter than option 1"))
    // The least-cost route passes south of the anchorage, the shortest through it: north.
    #expect(
      ["N", "NE", "NW"].contains(comparison.maxSeparationDirection), "\(comparison.maxSeparationDirection)")
  }
}
