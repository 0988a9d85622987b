/// One line of an estimate: a quantity at a rate.
public struct EstimateLine: Sendable, Equatable, Codable {
  public var item: String
  public var quantity: Double
  /// Unit of the quantity (km, crossings, shore ends, days).
  public var unit: String
  public var rate: Double
  /// Unit of the rate: "USD/km", "USD/day", "USD each" for cost lines; "km/day", "days each"
  /// for lay-time lines.
  public var rateUnit: String
  /// US dollars for cost lines; days for lay-time lines.
  public var amount: Double
}

/// Estimated cost (US dollars) and lay time (days) of one route, from the documented rates in
/// `EngineeringParameters.cost` and `.lay`. An estimate, not a quotation: see `assumptions`.
public struct CostEstimate: Sendable, Equatable, Codable {
  public var costLines: [EstimateLine]
  public var totalUSD: Double
  /// Vessel working days before weather, one line per activity.
  public var layLines: [EstimateLine]
  public var weatherFactor: Double
  /// Working days times the weather factor.
  public var layDays: Double

  /// - Parameters:
  ///   - cableKm: cable length per construction, km (including slack and end allowances).
  ///   - surfaceLayKm: route km laid on the seabed without burial.
  ///   - buriedKm: route km laid with plough burial (at sea).
  ///   - crossings: pipeline and cable crossings.
  ///   - shoreEnds: landings built from the sea (normally 2).
  public init(
    cableKm: [CableType: Double], surfaceLayKm: Double, buriedKm: Double, crossings: Int, shoreEnds: Int,
    parameters: EngineeringParameters
  ) {
    let lay = parameters.lay
    layLines = [
      EstimateLine(
        item: "surface lay", quantity: surfaceLayKm, unit: "km", rate: lay.surfaceKmPerDay,
        rateUnit: "km/day",
        amount: surfaceLayKm / lay.surfaceKmPerDay),
      EstimateLine(
        item: "lay with plough burial", quantity: buriedKm, unit: "km", rate: lay.ploughKmPerDay,
        rateUnit: "km/day",
        amount: buriedKm / lay.ploughKmPerDay),
      EstimateLine(
        item: "crossings", quantity: Double(crossings), unit: "crossings",
        rate: lay.crossingDays, rateUnit: "days each",
        amount: Double(crossings) * lay.crossingDays),
      EstimateLine(
        item: "shore ends", quantity: Double(shoreEnds), unit: "shore ends",
        rate: lay.shoreEndDays, rateUnit: "days each",
        amount: Double(shoreEnds) * lay.shoreEndDays),
    ]
    weatherFactor = lay.weatherFactor
    layDays = layLines.reduce(0) { $0 + $1.amount } * lay.weatherFactor

    let cost = parameters.cost
    var lines = CableType.allCases.compactMap { type -> EstimateLine? in
      guard let km = cableKm[type], km > 0 else { return nil }
      let rate = parameters.supplyUSDPerKm(type)
      let item = type == .land ? "land section (cable and civil works)" : "\(type.rawValue) cable supply"
      return EstimateLine(
        item: item, quantity: km, unit: "km", rate: rate, rateUnit: "USD/km", amount: km * rate)
    }
    lines.append(
      EstimateLine(
        item: "lay vessel spread", quantity: layDays, unit: "days", rate: cost.vesselSpreadUSDPerDay,
        rateUnit: "USD/day",
        amount: layDays * cost.vesselSpreadUSDPerDay))
    lines.append(
      EstimateLine(
        item: "crossings", quantity: Double(crossings), unit: "crossings", rate: cost.crossingUSD,
        rateUnit: "USD each",
        amount: Double(crossings) * cost.crossingUSD))
    lines.append(
      EstimateLine(
        item: "shore ends", quantity: Double(shoreEnds), unit: "shore ends", rate: cost.shoreEndUSD,
        rateUnit: "USD each",
        amount: Double(shoreEnds) * cost.shoreEndUSD))
    costLines = lines
    totalUSD = lines.reduce(0) { $0 + $1.amount }
  }
}
