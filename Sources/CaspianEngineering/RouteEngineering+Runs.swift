/// A stretch of the route, by KP, over which one value holds.
public struct KPRun<Value: Sendable & Equatable>: Sendable, Equatable {
  public var fromKpKm: Double
  public var toKpKm: Double
  public var value: Value
}

extension RouteEngineering {
  /// The cable construction along the route: consecutive RPL legs of one type joined, by KP.
  public var cableTypeRuns: [KPRun<CableType>] { runs { $0.cableType! } }

  /// The burial depth along the route (nil: surface laid), consecutive RPL legs joined, by KP.
  public var burialRuns: [KPRun<Double?>] { runs { $0.burialDepthM } }

  /// Consecutive legs with the same `value` joined into runs (`value` sees legs only: rows
  /// with a length and a cable type, never the last row).
  private func runs<Value>(_ value: (RPLRow) -> Value) -> [KPRun<Value>] {
    var result: [KPRun<Value>] = []
    for row in rows {
      guard let legKm = row.legKm, row.cableType != nil else { continue }
      let end = row.kpKm + legKm
      if let last = result.last, last.value == value(row) {
        result[result.count - 1].toKpKm = end
      } else {
        result.append(KPRun(fromKpKm: row.kpKm, toKpKm: end, value: value(row)))
      }
    }
    return result
  }
}
