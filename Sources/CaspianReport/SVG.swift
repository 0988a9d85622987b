/// A point on a drawing or in a projected plane (SVG pixels, or metres east/north).
public struct PlanarPoint: Sendable, Hashable {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// A standalone SVG figure: a canvas in pixels and the markup drawn on it.
///
/// Shapes are added as `Markup`, so every text and attribute is escaped (see `Markup`). The
/// figure renders as a standalone SVG document (`document`) or as an element to inline in HTML
/// (`markup`).
public struct SVG: Sendable {
  /// Canvas width and height, pixels.
  public let width: Double
  public let height: Double
  /// What the figure shows, for screen readers and as the file's `<title>`.
  public let title: String
  public private(set) var children: [Markup] = []

  public init(width: Double, height: Double, title: String) {
    self.width = width
    self.height = height
    self.title = title
  }

  public mutating func add(_ markup: Markup) { children.append(markup) }

  /// The `<svg>` element, with its namespace, so it can stand alone or inline in HTML.
  public var markup: Markup {
    .element(
      name: "svg",
      attributes: [
        .init("xmlns", "http://www.w3.org/2000/svg"), .init("width", Self.number(width)),
        .init("height", Self.number(height)),
        .init("viewBox", "0 0 \(Self.number(width)) \(Self.number(height))"), .init("role", "img"),
        .init("font-family", "DejaVu Sans, Helvetica, Arial, sans-serif"), .init("font-size", "12"),
      ],
      children: [.element("title", text: title)] + children)
  }

  /// The figure as a standalone SVG file.
  public var document: String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + markup.xml + "\n"
  }

  // MARK: Drawing helpers

  /// A number for an attribute: rounded to 0.1, without a trailing `.0` or a negative zero.
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
  }

  /// Path data for polylines (`closed`: rings ending in `Z`); parts with fewer than two points
  /// are left out.
  public static func pathData(_ parts: [[PlanarPoint]], closed: Bool) -> String {
    var d = ""
    for part in parts where part.count >= 2 {
      var previous = ""
      for (index, p) in part.enumerated() {
        let xy = number(p.x) + " " + number(p.y)
        if index > 0 && xy == previous { continue }
        d += (index == 0 ? "M" : "L") + xy
        previous = xy
      }
      if closed { d += "Z" }
    }
    return d
  }

  /// Attributes from name/value pairs; where a name repeats, the last value wins (so a caller
  /// can override a style's default, e.g. the stroke of a no-go area).
  public static func attributes(_ pairs: [(String, String)]) -> [Markup.Attribute] {
    var result: [Markup.Attribute] = []
    for (name, value) in pairs {
      if let index = result.firstIndex(where: { $0.name == name }) {
        result[index].value = value
      } else {
        result.append(Markup.Attribute(name, value))
      }
    }
    return result
  }

  /// An element with attributes and, when `tooltip` is given, a `<title>` child that browsers
  /// show on hover.
  public static func shape(
    _ name: String, _ attributes: [(String, String)], tooltip: String? = nil
  ) -> Markup {
    .element(
      name: name, attributes: Self.attributes(attributes),
      children: tooltip.map { [.element("title", text: $0)] } ?? [])
  }

  /// A text label at (x, y).
  public static func text(
    _ text: String, x: Double, y: Double, _ attributes: [(String, String)] = []
  ) -> Markup {
    .element(
      name: "text", attributes: Self.attributes([("x", number(x)), ("y", number(y))] + attributes),
      children: [.text(text)])
  }

  /// A line from (x1, y1) to (x2, y2).
  public static func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ attributes: [(String, String)]
  ) -> Markup {
    shape(
      "line", [("x1", number(x1)), ("y1", number(y1)), ("x2", number(x2)), ("y2", number(y2))] + attributes)
  }

  /// A rectangle with its top-left corner at (x, y).
  public static func rect(
    x: Double, y: Double, width: Double, height: Double, _ attributes: [(String, String)],
    tooltip: String? = nil
  ) -> Markup {
    shape(
      "rect",
      [
        ("x", number(x)), ("y", number(y)), ("width", number(max(0, width))),
        ("height", number(max(0, height))),
      ]
        + attributes, tooltip: tooltip)
  }

  /// A group of elements sharing attributes.
  public static func group(_ attributes: [(String, String)], _ children: [Markup]) -> Markup {
    .element(name: "g", attributes: Self.attributes(attributes), children: children)
  }
}
