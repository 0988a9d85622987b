import ArgumentParser
import CaspianRouting
import CaspianSupport
import Foundation

extension CaspianBench {
  /// Loads a case written by `prepare`, runs our search on it and prints one JSON line.
  struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run our least-cost search on a prepared case; print time, cost and peak memory as JSON.")

    @Argument(help: "A case directory written by `caspian-bench prepare`.")
    var caseDirectory: String

    @Option(help: "a-star or dijkstra.")
    var strategy: String = SearchStrategy.aStar.rawValue

    @Option(help: "Grid moves: 8 (the moves MCP_Geometric accepts) or 16 (with knight moves).")
    var connectivity: Int = 8

    @Option(help: "Timed runs; the fastest is reported.")
    var runs: Int = 3

    func run() throws {
      guard let strategy = SearchStrategy(rawValue: strategy) else {
        throw ValidationError("--strategy must be a-star or dijkstra")
      }
      guard let connectivity = Connectivity(rawValue: connectivity) else {
        throw ValidationError("--connectivity must be 8 or 16")
      }
      let directory = URL(fileURLWithPath: caseDirectory)
      let info = try JSONDecoder().decode(
        SearchCase.self, from: Data(contentsOf: directory.appendingPathComponent(SearchCase.caseFile)))
      let matrix = try NumpyArray.readFloat32Matrix(at: directory.appendingPathComponent(SearchCase.gridFile))
      let grid = try CostGrid(
        rows: matrix.rows, cols: matrix.cols, cellSizeMetres: info.cellSizeMetres, costs: matrix.values)
      // MCP_Geometric does not check the cells a move passes over; neither do we here.
      let search = LeastCostSearch(
        connectivity: connectivity, strategy: strategy, knightMoveCost: .endCells)
      let start = SearchEndpoint(cell: GridCell(row: info.start[0], col: info.start[1]))
      let end = SearchEndpoint(cell: GridCell(row: info.end[0], col: info.end[1]))
      var best = Double.infinity
      var path: RasterPath?
      for _ in 0..<max(1, runs) {
        let began = DispatchTime.now().uptimeNanoseconds
        path = search.findPath(in: grid, from: [start], to: [end])
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9)
      }
      guard let path else { throw ValidationError("no path between the case's start and end") }
      let flat = path.cells.flatMap { [Int32($0.row), Int32($0.col)] }
      if connectivity == .eight {
        try AtomicFile.write(
          NumpyArray.encode(flat, shape: [path.cells.count, 2]),
          to: directory.appendingPathComponent(SearchCase.ourPathFile))
      }
      var usage = rusage()
      getrusage(RUSAGE_SELF.rawValue, &usage)
      let result: [String: Any] = [
        "tool": "caspian-link \(strategy.rawValue)", "connectivity": connectivity.rawValue, "seconds": best,
        "cost": path.cost, "pathCells": path.cells.count, "settledCells": path.settledCells,
        "peakRSSkB": usage.ru_maxrss,
      ]
      let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
      print(String(decoding: json, as: UTF8.self))
    }
  }
}
