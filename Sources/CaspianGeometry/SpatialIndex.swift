import CGEOS

/// A GEOS STRtree over lon/lat envelopes: built once from a list of boxes, then queried for the
/// items whose boxes overlap a query box (`GEOSSTRtree_create_r`, `_insert_r`, `_query_r`).
///
/// Items are identified by their position in the list given to `init`. The tree owns neither the
/// rectangles nor the items inserted (GEOS copies each envelope, and the items are plain integers
/// carried in the pointer), and an STRtree takes no inserts after its first query, so every item
/// goes in at construction. Keeps its engine alive and, like it, belongs to one task.
///
/// ```swift
/// let index = try SpatialIndex(engine: engine, envelopes: hazards.map { $0.envelope })
/// for i in index.query(leg.envelope.expanded(byMetres: 500)) { … }
/// ```
public final class SpatialIndex {
  private let engine: GeometryEngine
  /// Freed by `GEOSSTRtree_destroy_r` in `deinit`.
  private let tree: OpaquePointer
  /// The number of items indexed.
  public let count: Int

  /// An index of `envelopes`; item `i` is `envelopes[i]`.
  ///
  /// - Throws: `GeometryError.invalidInput` for an envelope that is not finite or has min > max;
  ///   `GeometryError.geos` if GEOS fails.
  public init(engine: GeometryEngine, envelopes: [Envelope]) throws {
    if let bad = envelopes.firstIndex(where: { !Self.isUsable($0) }) {
      throw GeometryError.invalidInput(
        operation: "SpatialIndex", problem: "envelope \(bad) \(envelopes[bad]) is not a finite box")
    }
    let handle = engine.handle
    // GEOSSTRtree_create_r returns NULL on exception. Node capacity 10, as geos_c.h suggests.
    guard let tree = GEOSSTRtree_create_r(handle, 10) else { throw engine.error("GEOSSTRtree_create_r") }
    do {
      for (i, envelope) in envelopes.enumerated() {
        let rectangle = try Self.makeRectangle(envelope, engine: engine)
        // The tree copies the rectangle's envelope (GEOS >= 3.9), so the rectangle is freed at once.
        defer { GEOSGeom_destroy_r(handle, rectangle) }
        engine.clearErrorMessage()
        // GEOSSTRtree_insert_r returns nothing: a failure shows only as a message to the handler.
        // The item is the index + 1 carried in the pointer itself (never dereferenced, never freed).
        GEOSSTRtree_insert_r(handle, tree, rectangle, UnsafeMutableRawPointer(bitPattern: i + 1))
        try engine.throwIfErrorReported("GEOSSTRtree_insert_r")
      }
    } catch {
      GEOSSTRtree_destroy_r(handle, tree)
      throw error
    }
    self.engine = engine
    self.tree = tree
    self.count = envelopes.count
  }

  deinit {
    GEOSSTRtree_destroy_r(engine.handle, tree)
  }

  /// The indices of the items whose envelopes intersect `e` (touching counts), ascending.
  /// An envelope that is not finite or has min > max matches nothing.
  ///
  /// GEOS can fail here only if it cannot allocate the query rectangle; that stops the program
  /// with GEOS's message, as any other out-of-memory condition would.
  public func query(_ e: Envelope) -> [Int] {
    guard Self.isUsable(e), count > 0 else { return [] }
    let handle = engine.handle
    let rectangle: OpaquePointer
    do {
      rectangle = try Self.makeRectangle(e, engine: engine)
    } catch {
      preconditionFailure("\(error)")
    }
    defer { GEOSGeom_destroy_r(handle, rectangle) }
    var found: [Int] = []
    engine.clearErrorMessage()
    withUnsafeMutablePointer(to: &found) { found in
      // GEOSSTRtree_query_r returns nothing; the callback cannot capture, so the result array
      // travels as userdata. A failure shows only as a message to the handler (checked below).
      GEOSSTRtree_query_r(
        handle, tree, rectangle,
        { item, userdata in
          guard let userdata else { return }
          userdata.assumingMemoryBound(to: [Int].self).pointee.append(Int(bitPattern: item) - 1)
        }, found)
    }
    do {
      try engine.throwIfErrorReported("GEOSSTRtree_query_r")
    } catch {
      preconditionFailure("\(error)")
    }
    found.sort()
    return found
  }

  private static func isUsable(_ e: Envelope) -> Bool {
    e.minLongitude.isFinite && e.minLatitude.isFinite && e.maxLongitude.isFinite && e.maxLatitude.isFinite
      && e.minLongitude <= e.maxLongitude && e.minLatitude <= e.maxLatitude
  }

  /// A new GEOS rectangle (a point when the box is one) for `e`; the caller owns it.
  private static func makeRectangle(_ e: Envelope, engine: GeometryEngine) throws -> OpaquePointer {
    // GEOSGeom_createRectangle_r returns NULL on exception.
    guard
      let rectangle = GEOSGeom_createRectangle_r(
        engine.handle, e.minLongitude, e.minLatitude, e.maxLongitude, e.maxLatitude)
    else { throw engine.error("GEOSGeom_createRectangle_r") }
    return rectangle
  }
}
