import Foundation
import Testing

@testable import CaspianReport

@Suite struct MilestoneTrendTests {
  static func series() -> [MilestoneTrendSeries] {
    [
      MilestoneTrendSeries(
        id: "RFS", name: "Ready for service",
        points: [
          .init(reported: day("2025-03-04"), forecast: day("2026-11-30"), done: false),
          .init(reported: day("2025-11-17"), forecast: day("2026-12-16"), done: false),
        ]),
      MilestoneTrendSeries(
        id: "PERMIT", name: "Permit",
        points: [
          .init(reported: day("2025-03-04"), forecast: day("2025-12-31"), done: false),
          .init(reported: day("2026-02-24"), forecast: day("2026-02-24"), done: true),
        ]),
    ]
  }

  @Test func drawsOneStepLinePerMilestoneWithTheDiagonal() throws {
    let svg = try MilestoneTrendChart(
      title: "Milestone trend", series: Self.series(), asOf: day("2026-06-30")
    )
    .render()
    let text = svg.document
    // Two milestone lines plus the diagonal (dashed).
    #expect(text.components(separatedBy: "<path").count - 1 == 2)
    #expect(text.contains("stroke-dasharray=\"4 3\""))
    // Four points, one filled (reached on the diagonal), with their tooltips.
    #expect(text.components(separatedBy: "<circle").count - 1 == 4)
    #expect(text.contains("PERMIT: as of 2026-02-24 forecast 2026-02-24 (reached)"))
    #expect(text.contains("RFS: as of 2025-11-17 forecast 2026-12-16"))
    #expect(!text.contains("RFS: as of 2025-11-17 forecast 2026-12-16 (reached)"))
  }

  @Test func aReachedPointLiesOnTheDiagonal() throws {
    let svg = try MilestoneTrendChart(title: "t", series: Self.series(), asOf: day("2026-06-30")).render()
    let circles = svg.document.components(separatedBy: "<circle").dropFirst()
    let reached = try #require(circles.first { $0.contains("(reached)") })
    func attribute(_ name: String) -> Double? {
      guard let range = reached.range(of: "\(name)=\"") else { return nil }
      return Double(reached[range.upperBound...].prefix { $0 != "\"" })
    }
    let x = try #require(attribute("cx"))
    let y = try #require(attribute("cy"))
    // The plot is square: on the diagonal x - left == (top + side) - y.
    let side = MilestoneTrendChart.size - MilestoneTrendChart.left - 20
    #expect(abs((x - MilestoneTrendChart.left) - (MilestoneTrendChart.top + side - y)) < 0.01)
  }

  @Test func nothingToDrawIsAnError() {
    #expect(throws: ReportError.self) {
      try MilestoneTrendChart(title: "t", series: [], asOf: day("2026-06-30")).render()
    }
  }
}
