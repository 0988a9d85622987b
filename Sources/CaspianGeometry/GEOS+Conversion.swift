import CGEOS

/// Conversions between Swift `Geometry` values and GEOS geometries, built from and read through
/// coordinate sequences (x = longitude, y = latitude, 2D).
///
/// Ownership: `makeGEOS` returns a geometry the caller owns and must free with
/// `GEOSGeom_destroy_r` (or use `withGEOS`). Everything read back from GEOS in `geometry(from:)` is
/// borrowed from the geometry being read and is only copied, never freed.
extension GeometryEngine {
  /// Runs `body` with a temporary GEOS copy of `geometry`, freed afterwards.
  func withGEOS<R>(_ geometry: Geometry, _ body: (OpaquePointer) throws -> R) throws -> R {
    let g = try makeGEOS(geometry)
    defer { GEOSGeom_destroy_r(handle, g) }
    return try body(g)
  }

  /// A new GEOS geometry equal to `geometry`; the caller owns it.
  func makeGEOS(_ geometry: Geometry) throws -> OpaquePointer {
    switch geometry {
    case .point(let c):
      return try makePoint(c)
    case .multiPoint(let cs):
      return try makeCollection(GEOS_MULTIPOINT, cs.map { c in { try self.makePoint(c) } })
    case .lineString(let cs):
      return try makeLineString(cs)
    case .multiLineString(let lines):
      return try makeCollection(GEOS_MULTILINESTRING, lines.map { l in { try self.makeLineString(l) } })
    case .polygon(let p):
      return try makePolygon(p)
    case .multiPolygon(let ps):
      return try makeCollection(GEOS_MULTIPOLYGON, ps.map { p in { try self.makePolygon(p) } })
    case .geometryCollection(let gs):
      return try makeCollection(GEOS_GEOMETRYCOLLECTION, gs.map { g in { try self.makeGEOS(g) } })
    }
  }

  private func makePoint(_ c: Coordinate) throws -> OpaquePointer {
    // GEOSGeom_createPointFromXY_r returns NULL on exception.
    guard let point = GEOSGeom_createPointFromXY_r(handle, c.longitude, c.latitude) else {
      throw error("GEOSGeom_createPointFromXY_r")
    }
    return point
  }

  /// A new coordinate sequence holding `coordinates`; the caller owns it.
  private func makeCoordinateSequence(_ coordinates: [Coordinate]) throws -> OpaquePointer {
    // GEOSCoordSeq_create_r returns NULL on exception.
    guard let sequence = GEOSCoordSeq_create_r(handle, UInt32(coordinates.count), 2) else {
      throw error("GEOSCoordSeq_create_r")
    }
    for (i, c) in coordinates.enumerated() {
      // GEOSCoordSeq_setXY_r returns 0 on exception.
      guard GEOSCoordSeq_setXY_r(handle, sequence, UInt32(i), c.longitude, c.latitude) != 0 else {
        GEOSCoordSeq_destroy_r(handle, sequence)
        throw error("GEOSCoordSeq_setXY_r")
      }
    }
    return sequence
  }

  private func makeLineString(_ coordinates: [Coordinate]) throws -> OpaquePointer {
    let sequence = try makeCoordinateSequence(coordinates)
    // GEOSGeom_createLineString_r returns NULL on exception (e.g. a single point). The sequence
    // belongs to GEOS from here on, success or not (geos_c.h: "ownership passes to the geometry").
    guard let line = GEOSGeom_createLineString_r(handle, sequence) else {
      throw error("GEOSGeom_createLineString_r")
    }
    return line
  }

  private func makeLinearRing(_ coordinates: [Coordinate]) throws -> OpaquePointer {
    let sequence = try makeCoordinateSequence(coordinates)
    // GEOSGeom_createLinearRing_r returns NULL on exception (unclosed, or 1–3 points). The
    // sequence belongs to GEOS from here on, success or not.
    guard let ring = GEOSGeom_createLinearRing_r(handle, sequence) else {
      throw error("GEOSGeom_createLinearRing_r")
    }
    return ring
  }

  private func makePolygon(_ polygon: Polygon) throws -> OpaquePointer {
    let shell = try makeLinearRing(polygon.exterior)
    var holes: [OpaquePointer?] = []
    holes.reserveCapacity(polygon.holes.count)
    do {
      for hole in polygon.holes {
        holes.append(try makeLinearRing(hole))
      }
    } catch {
      // Nothing has been handed to GEOS yet: free what was built.
      GEOSGeom_destroy_r(handle, shell)
      for hole in holes { GEOSGeom_destroy_r(handle, hole) }
      throw error
    }
    // GEOSGeom_createPolygon_r returns NULL on exception. The rings now belong to GEOS, success
    // or not; the array of pointers stays ours (geos_c.h: the caller retains the array).
    let result = holes.withUnsafeMutableBufferPointer {
      GEOSGeom_createPolygon_r(handle, shell, $0.baseAddress, UInt32($0.count))
    }
    guard let result else { throw error("GEOSGeom_createPolygon_r") }
    return result
  }

  /// A collection of `type` whose members are built by `makers`, in order.
  private func makeCollection(_ type: GEOSGeomTypes, _ makers: [() throws -> OpaquePointer]) throws
    -> OpaquePointer
  {
    var members: [OpaquePointer?] = []
    members.reserveCapacity(makers.count)
    do {
      for make in makers {
        members.append(try make())
      }
    } catch {
      for member in members { GEOSGeom_destroy_r(handle, member) }
      throw error
    }
    // GEOSGeom_createCollection_r returns NULL on exception. The members now belong to GEOS,
    // success or not; the array of pointers stays ours.
    let result = members.withUnsafeMutableBufferPointer {
      GEOSGeom_createCollection_r(handle, Int32(type.rawValue), $0.baseAddress, UInt32($0.count))
    }
    guard let result else { throw error("GEOSGeom_createCollection_r") }
    return result
  }

  /// The Swift value of a GEOS geometry (which stays owned by the caller).
  ///
  /// An empty point, line or polygon becomes an empty multi-geometry of the same dimension
  /// (`.multiPoint([])`, `.multiLineString([])`, `.multiPolygon([])`), since the Swift cases
  /// cannot be empty; a linear ring becomes a `.lineString`.
  func geometry(from g: OpaquePointer) throws -> Geometry {
    // GEOSGeomTypeId_r returns -1 on exception.
    let type = GEOSGeomTypeId_r(handle, g)
    guard type >= 0 else { throw error("GEOSGeomTypeId_r") }
    switch GEOSGeomTypes(UInt32(type)) {
    case GEOS_POINT:
      let cs = try coordinates(ofSimple: g)
      return cs.count == 1 ? .point(cs[0]) : .multiPoint(cs)
    case GEOS_LINESTRING, GEOS_LINEARRING:
      let cs = try coordinates(ofSimple: g)
      return cs.isEmpty ? .multiLineString([]) : .lineString(cs)
    case GEOS_POLYGON:
      return try isEmpty(g) ? .multiPolygon([]) : .polygon(try polygon(from: g))
    case GEOS_MULTIPOINT:
      return .multiPoint(try members(of: g).flatMap { try coordinates(ofSimple: $0) })
    case GEOS_MULTILINESTRING:
      return .multiLineString(try members(of: g).map { try coordinates(ofSimple: $0) })
    case GEOS_MULTIPOLYGON:
      return .multiPolygon(try members(of: g).map { try polygon(from: $0) })
    case GEOS_GEOMETRYCOLLECTION:
      return .geometryCollection(try members(of: g).map { try geometry(from: $0) })
    default:
      throw GeometryError.invalidInput(
        operation: "reading a GEOS geometry", problem: "unknown geometry type \(type)")
    }
  }

  private func isEmpty(_ g: OpaquePointer) throws -> Bool {
    // GEOSisEmpty_r returns 2 on exception.
    let result = GEOSisEmpty_r(handle, g)
    guard result != 2 else { throw error("GEOSisEmpty_r") }
    return result == 1
  }

  /// The members of a collection. The pointers are borrowed from `g` (`GEOSGetGeometryN_r`): they
  /// are only read, never wrapped or freed, and must not outlive `g`.
  private func members(of g: OpaquePointer) throws -> [OpaquePointer] {
    // GEOSGetNumGeometries_r returns -1 on exception.
    let count = GEOSGetNumGeometries_r(handle, g)
    guard count >= 0 else { throw error("GEOSGetNumGeometries_r") }
    return try (0..<count).map { i in
      // GEOSGetGeometryN_r returns NULL on exception; the result is owned by `g`.
      guard let member = GEOSGetGeometryN_r(handle, g, i) else { throw error("GEOSGetGeometryN_r") }
      return member
    }
  }

  /// The rings of a polygon, read through borrowed pointers (`GEOSGetExteriorRing_r`,
  /// `GEOSGetInteriorRingN_r`) that are owned by `g`.
  private func polygon(from g: OpaquePointer) throws -> Polygon {
    // GEOSGetExteriorRing_r returns NULL on exception; the ring is owned by `g`.
    guard let shell = GEOSGetExteriorRing_r(handle, g) else { throw error("GEOSGetExteriorRing_r") }
    // GEOSGetNumInteriorRings_r returns -1 on exception.
    let holeCount = GEOSGetNumInteriorRings_r(handle, g)
    guard holeCount >= 0 else { throw error("GEOSGetNumInteriorRings_r") }
    let holes = try (0..<holeCount).map { i in
      // GEOSGetInteriorRingN_r returns NULL on exception; the ring is owned by `g`.
      guard let hole = GEOSGetInteriorRingN_r(handle, g, i) else { throw error("GEOSGetInteriorRingN_r") }
      return try coordinates(ofSimple: hole)
    }
    return Polygon(exterior: try coordinates(ofSimple: shell), holes: holes)
  }

  /// The coordinates of a point, line string or linear ring, read through its borrowed coordinate
  /// sequence (`GEOSGeom_getCoordSeq_r`, owned by `g`).
  private func coordinates(ofSimple g: OpaquePointer) throws -> [Coordinate] {
    // GEOSGeom_getCoordSeq_r returns NULL on exception; the sequence is owned by `g`.
    guard let sequence = GEOSGeom_getCoordSeq_r(handle, g) else { throw error("GEOSGeom_getCoordSeq_r") }
    return try coordinates(of: sequence)
  }

  /// The coordinates of a coordinate sequence (which stays owned by the caller).
  func coordinates(of sequence: OpaquePointer) throws -> [Coordinate] {
    var size: UInt32 = 0
    // GEOSCoordSeq_getSize_r returns 0 on exception.
    guard GEOSCoordSeq_getSize_r(handle, sequence, &size) != 0 else { throw error("GEOSCoordSeq_getSize_r") }
    var result: [Coordinate] = []
    result.reserveCapacity(Int(size))
    for i in 0..<size {
      var x = 0.0
      var y = 0.0
      // GEOSCoordSeq_getXY_r returns 0 on exception.
      guard GEOSCoordSeq_getXY_r(handle, sequence, i, &x, &y) != 0 else {
        throw error("GEOSCoordSeq_getXY_r")
      }
      result.append(Coordinate(longitude: x, latitude: y))
    }
    return result
  }
}
