/// Colours and line styles shared by the figures, in one place.
enum Style {
  /// Route options, in order: distinct hues that stay apart for colour-blind readers
  /// (Okabe–Ito), repeated when there are more options.
  static let routeColours = ["#d55e00", "#7b2cbf", "#009e73", "#cc79a7", "#e69f00", "#0072b2"]

  static func routeColour(_ index: Int) -> String { routeColours[index % routeColours.count] }

  static let land = "#efe9dc"
  static let sea = "#d9ecf7"
  static let coastline = "#4a6b82"
  static let graticule = "#7d8fa0"
  static let ink = "#222222"
  static let muted = "#5f6b76"
  static let critical = "#c62828"
  static let noGoOutline = "#b71c1c"
  /// The halo behind labels that sit on top of the map.
  static let halo: [(String, String)] = [
    ("stroke", "#ffffff"), ("stroke-width", "3"), ("paint-order", "stroke"), ("stroke-linejoin", "round"),
  ]

  /// Water-depth classes of the relief shading: lower bounds in metres and fill colours, from
  /// shallow (light) to deep (dark). Spaced for the Caspian: a North Caspian under 20 m, the
  /// Derbent depression to ~790 m and the South Caspian to ~1025 m.
  static let depthClasses: [(lowerM: Double, colour: String)] = [
    (0, "#e3f1fb"), (10, "#c9e3f5"), (20, "#aed4ee"), (50, "#8fc1e5"), (100, "#6eaad8"),
    (200, "#4f91c8"), (400, "#3877b3"), (600, "#245d9a"), (800, "#15457c"), (1000, "#0a2f5c"),
  ]

  /// The depth class of a water depth (metres, positive down), or nil where the seabed is dry.
  static func depthClass(_ depthM: Double) -> Int? {
    guard depthM > 0 else { return nil }
    return depthClasses.lastIndex { depthM >= $0.lowerM } ?? 0
  }

  /// How a hazard kind is drawn on the map and in its legend.
  struct HazardLook {
    /// "area", "line" or "point".
    var shape: String
    var label: String
    var attributes: [(String, String)]
  }

  static func hazardLook(kind: String) -> HazardLook {
    switch kind {
    case "field":
      HazardLook(
        shape: "area", label: "oil/gas field",
        attributes: [
          ("fill", "#f4a259"), ("fill-opacity", "0.45"), ("stroke", "#b85c12"), ("stroke-width", "1"),
        ])
    case "platform":
      HazardLook(
        shape: "point", label: "platform",
        attributes: [("fill", "#212121"), ("stroke", "#ffffff"), ("stroke-width", "1")])
    case "pipeline":
      HazardLook(
        shape: "line", label: "pipeline",
        attributes: [
          ("fill", "none"), ("stroke", "#6d3b12"), ("stroke-width", "1.8"), ("stroke-dasharray", "7 3"),
        ])
    case "cable":
      HazardLook(
        shape: "line", label: "existing cable",
        attributes: [("fill", "none"), ("stroke", "#8e24aa"), ("stroke-width", "1.6")])
    case "port":
      HazardLook(
        shape: "area", label: "port approach / anchorage",
        attributes: [
          ("fill", "#8d8d8d"), ("fill-opacity", "0.4"), ("stroke", "#555555"), ("stroke-width", "1"),
        ])
    case "ferry-lane":
      HazardLook(
        shape: "line", label: "ferry lane",
        attributes: [
          ("fill", "none"), ("stroke", "#1565c0"), ("stroke-width", "1.6"), ("stroke-dasharray", "9 3 2 3"),
        ])
    case "protected-area":
      HazardLook(
        shape: "area", label: "protected area",
        attributes: [
          ("fill", "#43a047"), ("fill-opacity", "0.35"), ("stroke", "#1b5e20"), ("stroke-width", "1"),
        ])
    case "sector-boundary":
      HazardLook(
        shape: "line", label: "sector boundary",
        attributes: [
          ("fill", "none"), ("stroke", "#37474f"), ("stroke-width", "1.2"), ("stroke-dasharray", "2 3"),
        ])
    default:
      HazardLook(
        shape: "line", label: kind,
        attributes: [("fill", "none"), ("stroke", "#546e7a"), ("stroke-width", "1.2")])
    }
  }

  /// Cable constructions on the straight line diagram: the stronger, the warmer.
  static func cableColour(_ cableType: String) -> String {
    switch cableType.uppercased() {
    case "LAND": "#6d4c41"
    case "DA": "#c62828"
    case "SA": "#ef6c00"
    case "LWP", "LW": "#2e7d32"
    default: "#607d8b"
    }
  }

  static func cableLabel(_ cableType: String) -> String {
    switch cableType.uppercased() {
    case "LAND": "LAND: land cable in duct"
    case "DA": "DA: double armour"
    case "SA": "SA: single armour"
    case "LWP": "LWP: lightweight protected"
    case "LW": "LW: lightweight"
    default: cableType
    }
  }

  /// Burial bands: surface lay light grey, deeper burial darker brown.
  static func burialColour(_ depthM: Double?) -> String {
    guard let depthM, depthM > 0 else { return "#e0e0e0" }
    return depthM >= 2 ? "#5d4037" : depthM >= 1.5 ? "#795548" : "#a1887f"
  }
}
