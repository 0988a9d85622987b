/// The cable constructions a Route Position List assigns, from most to least protected.
///
/// Armour follows ITU-T G.972/G.978 practice: double armour in shallow water and at the
/// landings, single armour on the shelf, lightweight protected cable in deep water. `land` is the
/// part of the route that lies above the water surface (a falling-sea-level scenario turns
/// shallow landing approaches into shore): land cable in a trenched duct.
public enum CableType: String, Codable, CaseIterable, Sendable {
  /// Land cable in a trenched duct, above the water surface.
  case land = "LAND"
  /// Double-armoured cable (DA): shallow water and landings.
  case doubleArmour = "DA"
  /// Single-armoured cable (SA): the shelf.
  case singleArmour = "SA"
  /// Lightweight protected cable (LWP): deep water.
  case lightweightProtected = "LWP"

  /// How much mechanical protection the construction gives; higher is stronger.
  public var protection: Int {
    switch self {
    case .land: 3
    case .doubleArmour: 2
    case .singleArmour: 1
    case .lightweightProtected: 0
    }
  }
}

/// What is laid on a stretch of route: the cable construction and the burial target.
public struct SectionSpec: Sendable, Hashable, Codable {
  public var cableType: CableType
  /// Target depth of lowering below the seabed, metres; `nil` for surface lay.
  public var burialDepthM: Double?

  public init(cableType: CableType, burialDepthM: Double?) {
    self.cableType = cableType
    self.burialDepthM = burialDepthM
  }

  /// The stronger of two specifications, component by component (more armour, deeper burial).
  public func strengthened(by other: SectionSpec) -> SectionSpec {
    SectionSpec(
      cableType: other.cableType.protection > cableType.protection ? other.cableType : cableType,
      burialDepthM: [burialDepthM, other.burialDepthM].compactMap { $0 }.max())
  }
}
