import CaspianAnalysis
import CaspianGeometry

/// The armour and burial a stretch of route needs, from its depth, its distance from the
/// landings and the crossings near it (`EngineeringParameters.armour` and `.burial`).
struct ArmourBurialRules {
  let parameters: EngineeringParameters
  let routeLengthM: Double
  /// KPs of pipeline and cable crossings, metres.
  let crossingKpsM: [Double]

  /// The specification at `kp` metres where the water is `depthM` deep (`nil`: unknown).
  ///
  /// - Above the water surface (depth ≤ 0): LAND, trenched to the burial target depth.
  /// - Within `landingDoubleArmourM` of either end, or shallower than `doubleArmourMaxDepthM`: DA.
  /// - To `singleArmourMaxDepthM`: SA; deeper: LWP. Unknown depth: SA (the shelf default).
  /// - Buried to `targetDepthM` down to `maxWaterDepthM` of water (and where the depth is
  ///   unknown), to `crossingDepthM` within `crossingZoneM` of a crossing.
  func spec(kpM: Double, depthM: Double?) -> SectionSpec {
    let armour = parameters.armour
    let burial = parameters.burial
    let nearLanding = kpM < armour.landingDoubleArmourM || routeLengthM - kpM < armour.landingDoubleArmourM
    let cableType: CableType
    switch depthM {
    case let depth? where depth <= 0: cableType = .land
    case _ where nearLanding: cableType = .doubleArmour
    case let depth? where depth < armour.doubleArmourMaxDepthM: cableType = .doubleArmour
    case let depth? where depth > armour.singleArmourMaxDepthM: cableType = .lightweightProtected
    default: cableType = .singleArmour
    }
    var burialDepth: Double? = nil
    if let depth = depthM, depth > burial.maxWaterDepthM {
      burialDepth = nil
    } else {
      burialDepth = burial.targetDepthM
    }
    if crossingKpsM.contains(where: { abs($0 - kpM) <= burial.crossingZoneM }) {
      burialDepth = max(burialDepth ?? 0, burial.crossingDepthM)
    }
    return SectionSpec(cableType: cableType, burialDepthM: burialDepth)
  }
}

/// A stretch of route with one specification.
struct Section: Equatable {
  /// Metres from the first point.
  var startKpM: Double
  var endKpM: Double
  var spec: SectionSpec
}

extension SeabedProfile {
  /// The route cut into stretches of one specification.
  ///
  /// Each sample is classified; where two neighbouring samples differ, the boundary is found by
  /// bisection on the geodesic to 1 cm. Stretches shorter than `minimumSectionM` then take the
  /// stronger specification of their neighbours (a stretch stronger than both is kept).
  func sections(rules: ArmourBurialRules, depth: some DepthProvider) -> [Section] {
    let specs = samples.map { rules.spec(kpM: $0.kpM, depthM: $0.depthM) }
    var sections = [Section(startKpM: 0, endKpM: track.lengthM, spec: specs[0])]
    for index in 1..<samples.count where specs[index] != specs[index - 1] {
      var low = samples[index - 1].kpM
      var high = samples[index].kpM
      while high - low > 0.01 {
        let middle = (low + high) / 2
        let c = track.coordinate(atKpM: middle)
        if rules.spec(kpM: middle, depthM: depth.depthMetres(at: c)) == specs[index - 1] {
          low = middle
        } else {
          high = middle
        }
      }
      let boundary = (low + high) / 2
      sections[sections.count - 1].endKpM = boundary
      sections.append(Section(startKpM: boundary, endKpM: track.lengthM, spec: specs[index]))
    }
    return mergingShortSections(sections, minimumM: rules.parameters.profile.minimumSectionM)
  }
}

/// Upgrades stretches shorter than `minimumM` to the stronger of their neighbours and joins
/// neighbours of equal specification, until nothing changes.
func mergingShortSections(_ input: [Section], minimumM: Double) -> [Section] {
  var sections = input
  while true {
    var changed = false
    for index in sections.indices where sections[index].endKpM - sections[index].startKpM < minimumM {
      var spec = sections[index].spec
      if index > 0 { spec = spec.strengthened(by: sections[index - 1].spec) }
      if index + 1 < sections.count { spec = spec.strengthened(by: sections[index + 1].spec) }
      if spec != sections[index].spec {
        sections[index].spec = spec
        changed = true
        break
      }
    }
    var joined: [Section] = []
    for section in sections {
      if let last = joined.last, last.spec == section.spec {
        joined[joined.count - 1].endKpM = section.endKpM
      } else {
        joined.append(section)
      }
    }
    sections = joined
    if !changed { return sections }
  }
}
