import CaspianReport
import Testing

@Suite struct RiskFigureTests {
  static func chartDay(_ day: Int, _ label: String) -> ChartDay { ChartDay(day: day, label: label) }

  @Test func sCurveIsWellFormedWithTheDeadlineMarked() throws {
    let points = [
      (day: Self.chartDay(100, "d100"), probability: 0.25), (day: Self.chartDay(110, "d110"), probability: 1),
    ]
    let svg = try SCurveChart(
      title: hostileName, points: points, deadline: Self.chartDay(105, "d105"),
      deterministic: Self.chartDay(98, "d98"), onTime: 0.25
    ).render()
    let parsed = parse(svg.document)
    #expect(parsed.hasText(hostileName))
    #expect(parsed.hasText("deadline d105: 25 %"))
    #expect(parsed.hasText("deterministic d98"))
    // The step curve: from 0 up to 25 % at day 100, to 100 % at day 110, then flat.
    let curve = try #require(
      parsed.elements.first { $0.name == "path" && $0.attributes["stroke"] == "#1e88e5" })
    #expect(curve.attributes["d"]?.isEmpty == false)
    #expect(throws: ReportError.self) {
      try SCurveChart(
        title: "t", points: [], deadline: Self.chartDay(1, "a"), deterministic: Self.chartDay(1, "a"),
        onTime: 0
      ).render()
    }
  }

  @Test func tornadoSortsDriversByStrength() {
    let svg = TornadoChart(
      title: "Drivers",
      bars: [(label: "weak", value: 0.1, note: "0.10"), (label: hostileName, value: -0.8, note: "-0.80")]
    ).render()
    let parsed = parse(svg.document)
    let labels = parsed.texts.filter { $0.element == "text" }.map(\.text)
    #expect(labels.firstIndex(of: hostileName)! < labels.firstIndex(of: "weak")!)
    // A negative correlation extends left of the zero axis (x = 590).
    let bars = parsed.elements.filter { $0.name == "rect" }
    #expect(bars.count == 2)
    #expect(bars.contains { Double($0.attributes["x"] ?? "") ?? 0 < 590 })
  }
}
