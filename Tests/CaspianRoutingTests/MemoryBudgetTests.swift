import Testing

@testable import CaspianRouting

@Suite struct MemoryBudgetTests {
  /// Issue 14's 10–25 m cells in a corridor fit; 1 m cells over the whole sea do not, and the
  /// refusal names the cells, the memory and the smallest size that fits (nothing allocated).
  @Test func corridorCellsFitTheWholeSeaAtOneMetreDoesNot() throws {
    let budget = MemoryBudget(gigabytes: 4, origin: "test")
    let origin = PlanarPoint(x: 0, y: 0)
    let corridor = PlanarPoint(x: 20_000, y: 100_000)
    for size in [10.0, 25] { try budget.check(covering: origin, corridor, cellSizeM: size) }
    let sea = PlanarPoint(x: 668_000, y: 1_175_000)
    #expect {
      try budget.check(covering: origin, sea, cellSizeM: 1)
    } throws: { error in
      let text = "\(error)"
      return text.contains("cellSizeM 1 m gives a cost grid of 668005 × 1175005")
        && text.contains("TB") && text.contains("the smallest cell size that fits is")
    }
    let smallest = try #require(budget.smallestFittingCellSize(covering: origin, sea, from: 1))
    let (rows, cols) = MemoryBudget.shape(covering: origin, sea, cellSizeM: smallest)
    #expect(budget.fits(rows: rows, cols: cols))
    let (r, c) = MemoryBudget.shape(covering: origin, sea, cellSizeM: smallest - 1)
    #expect(!budget.fits(rows: r, cols: c))
  }
}
