import CaspianSupport
import Foundation

/// A label and its value, e.g. "Forecast ready for service" – "2026-12-12".
public struct SummaryItem: Sendable, Hashable {
  public var label: String
  public var value: String

  public init(_ label: String, _ value: String) {
    self.label = label
    self.value = value
  }
}

/// The figures of the route options side by side: one column per option, one row per figure.
public struct FiguresTable: Sendable, Hashable {
  public struct Row: Sendable, Hashable {
    /// The figure, with its unit ("Route length (km)").
    public var label: String
    /// One value per option, already formatted.
    public var values: [String]

    public init(_ label: String, _ values: [String]) {
      self.label = label
      self.values = values
    }
  }

  /// The options' names, in the order of the map and the diagrams.
  public var options: [String]
  public var rows: [Row]

  public init(options: [String], rows: [Row]) {
    self.options = options
    self.rows = rows
  }
}

/// The straight line diagram of one option with its crossings and warnings listed.
public struct DiagramPart: Sendable {
  public var series: ProfileSeries
  public var svg: SVG

  public init(series: ProfileSeries, svg: SVG) {
    self.series = series
    self.svg = svg
  }
}

/// The schedule part: the Gantt chart and the progress summary, and the risk analysis when the
/// plan has ranges.
public struct SchedulePart: Sendable {
  public var gantt: SVG
  public var progress: [SummaryItem]
  /// The milestone trend chart, when there are forecasts to draw.
  public var trend: SVG?
  public var risk: RiskPart?

  public init(gantt: SVG, progress: [SummaryItem], trend: SVG? = nil, risk: RiskPart? = nil) {
    self.gantt = gantt
    self.progress = progress
    self.trend = trend
    self.risk = risk
  }
}

/// The schedule risk figures: the S-curve, the tornado chart of drivers and the key figures.
public struct RiskPart: Sendable {
  public var sCurve: SVG
  public var tornado: SVG
  public var summary: [SummaryItem]

  public init(sCurve: SVG, tornado: SVG, summary: [SummaryItem]) {
    self.sCurve = sCurve
    self.tornado = tornado
    self.summary = summary
  }
}

/// The whole report as one self-contained HTML page: inline SVG and CSS, no scripts, nothing
/// fetched from the network. Four sections: the map, the straight line diagrams, the schedule
/// and the figures of the options with their assumptions; and the numbers drawn, as a JSON data
/// block (`<script type="application/json" id="report-data">`, data only, never run) for
/// programs and tests.
public struct ReportDocument: Sendable {
  public var title: String
  /// What the report was made from (data set, landings, as-of date), shown under the title.
  public var facts: [SummaryItem]
  public var map: SVG
  public var mapCaption: String
  public var diagrams: [DiagramPart]
  /// Nil when no schedule was given; the section then says so.
  public var schedule: SchedulePart?
  public var figures: FiguresTable
  public var assumptions: [String]
  /// The numbers the report draws, embedded as JSON.
  public var data: JSONValue

  /// The id of the JSON data block.
  public static let dataID = "report-data"

  /// The ids of the four sections, in order.
  public static let sectionIDs = ["map", "straight-line-diagrams", "schedule", "figures"]

  public init(
    title: String, facts: [SummaryItem], map: SVG, mapCaption: String, diagrams: [DiagramPart],
    schedule: SchedulePart?, figures: FiguresTable, assumptions: [String], data: JSONValue = .object([:])
  ) {
    self.data = data
    self.title = title
    self.facts = facts
    self.map = map
    self.mapCaption = mapCaption
    self.diagrams = diagrams
    self.schedule = schedule
    self.figures = figures
    self.assumptions = assumptions
  }

  /// The page, as HTML that is also well-formed XML.
  public var html: String {
    let page = Markup.element(
      "html", ["lang": "en", "xmlns": "http://www.w3.org/1999/xhtml"],
      [
        .element(
          "head", [:],
          [
            .element("meta", ["charset": "utf-8"]),
            .element("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
            .element("title", text: title),
            .element("style", text: Self.css),
          ]),
        .element(
          "body", [:],
          [
            .element("header", [:], [.element("h1", text: title), definitionList(facts)]),
            .element(
              "nav", [:],
              zip(Self.sectionIDs, ["Map", "Straight line diagrams", "Schedule", "Figures and assumptions"])
                .map {
                  .element("a", ["href": "#" + $0.0], text: $0.1)
                }),
            mapSection, diagramSection, scheduleSection, figuresSection,
            .element("script", ["type": "application/json", "id": Self.dataID], text: dataText),
          ]),
      ])
    return "<!DOCTYPE html>\n" + page.xml + "\n"
  }

  /// `data` as JSON text that needs no escaping in HTML or XML: outside strings JSON has no
  /// `<`, `>` or `&`, and inside them they are written as `\u` escapes.
  private var dataText: String {
    data.serialized().replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(
      of: ">", with: "\\u003e"
    )
    .replacingOccurrences(of: "&", with: "\\u0026")
  }

  private var mapSection: Markup {
    section(
      0, "1. Map of the Caspian Sea",
      [.element("figure", [:], [map.markup, .element("figcaption", text: mapCaption)])])
  }

  private var diagramSection: Markup {
    var children: [Markup] = [
      .element(
        "p",
        text: "Each route option unrolled along KP (kilometres from the first landing): water depth, "
          + "cable construction and burial, crossings (C) and engineering warnings (W).")
    ]
    if diagrams.isEmpty {
      children.append(.element("p", ["class": "missing"], text: "No route option to draw."))
    }
    for part in diagrams {
      children.append(.element("figure", [:], [part.svg.markup]))
      let crossings = part.series.crossings.enumerated().map { index, c in
        ["C\(index + 1)", StraightLineDiagram.kilometres(c.kpKm), c.label, c.detail]
      }
      var lists: [Markup] = []
      if !crossings.isEmpty {
        lists.append(
          table(
            caption: "Crossings, option \(part.series.name)", header: ["", "KP (km)", "Asset", "Detail"],
            rows: crossings))
      }
      let warnings = part.series.warnings.enumerated().map { index, w in
        [
          "W\(index + 1)",
          StraightLineDiagram.kilometres(w.kpKm)
            + (w.endKm.map { "–" + StraightLineDiagram.kilometres($0) } ?? ""),
          w.label, w.detail,
        ]
      }
      lists.append(
        warnings.isEmpty
          ? .element("p", text: "No engineering warnings for option \(part.series.name).")
          : table(
            caption: "Warnings, option \(part.series.name)", header: ["", "KP (km)", "Kind", "Message"],
            rows: warnings))
      children.append(.element("div", ["class": "lists"], lists))
    }
    return section(1, "2. Straight line diagrams", children)
  }

  private var scheduleSection: Markup {
    guard let schedule else {
      return section(2, "3. Schedule", [.element("p", ["class": "missing"], text: "No schedule was given.")])
    }
    return section(
      2, "3. Schedule",
      [
        .element("figure", [:], [schedule.gantt.markup]),
        .element("h3", text: "Progress"),
        definitionList(schedule.progress),
      ]
        + (schedule.trend.map { trend in
          [
            .element("h3", text: "Milestone trend"),
            .element("figure", [:], [trend.markup]),
          ]
        } ?? [])
        + (schedule.risk.map { risk in
          [
            .element("h3", text: "Schedule risk"), definitionList(risk.summary),
            .element("figure", [:], [risk.sCurve.markup]), .element("figure", [:], [risk.tornado.markup]),
          ]
        } ?? []))
  }

  private var figuresSection: Markup {
    section(
      3, "4. Figures of the options",
      [
        .element(
          "div", ["class": "figures"],
          [
            table(
              caption: "Route options side by side", header: ["Figure"] + figures.options,
              rows: figures.rows.map { [$0.label] + $0.values })
          ]),
        .element("h3", text: "Assumptions"),
        .element("ul", [:], assumptions.map { .element("li", text: $0) }),
      ])
  }

  private func section(_ index: Int, _ heading: String, _ children: [Markup]) -> Markup {
    .element("section", ["id": Self.sectionIDs[index]], [.element("h2", text: heading)] + children)
  }

  private func definitionList(_ items: [SummaryItem]) -> Markup {
    .element(
      "dl", [:], items.flatMap { [Markup.element("dt", text: $0.label), .element("dd", text: $0.value)] })
  }

  private func table(caption: String, header: [String], rows: [[String]]) -> Markup {
    .element(
      "table", [:],
      [
        .element("caption", text: caption),
        .element("thead", [:], [.element("tr", [:], header.map { .element("th", text: $0) })]),
        .element("tbody", [:], rows.map { row in .element("tr", [:], row.map { .element("td", text: $0) }) }),
      ])
  }

  /// The page's style sheet. It holds no `<`, `>` or `&`: HTML does not decode references
  /// inside `<style>`, so the escaped and the raw text must be the same.
  static let css = """
    body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #222; margin: 0 auto;
      max-width: 1060px; padding: 16px 24px 48px; background: #fff; line-height: 1.4; }
    h1 { font-size: 26px; margin: 8px 0; }
    h2 { font-size: 20px; border-bottom: 2px solid #4a6b82; padding-bottom: 4px; margin-top: 36px; }
    h3 { font-size: 16px; margin: 18px 0 6px; }
    header dl, section dl { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; margin: 8px 0; }
    dt { color: #5f6b76; }
    dd { margin: 0; font-weight: bold; }
    nav a { margin-right: 18px; color: #245d9a; }
    figure { margin: 12px 0; }
    figure svg { max-width: 100%; height: auto; display: block; }
    figcaption { color: #5f6b76; font-size: 13px; margin-top: 4px; }
    table { border-collapse: collapse; margin: 10px 0 16px; font-size: 13px; }
    caption { text-align: left; font-weight: bold; padding: 4px 0; }
    th, td { border: 1px solid #cfd8dc; padding: 3px 8px; text-align: left; vertical-align: top; }
    th { background: #eceff1; }
    tbody tr:nth-child(even) { background: #f7f9fa; }
    .missing { color: #c62828; font-weight: bold; }
    .lists { display: flex; flex-wrap: wrap; gap: 0 28px; align-items: flex-start; }
    td:not(:first-child) { font-variant-numeric: tabular-nums; }
    .figures td:first-child { min-width: 260px; }
    """
}
