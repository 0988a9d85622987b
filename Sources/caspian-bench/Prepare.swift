import ArgumentParser
import CaspianGeodata
import CaspianRouting
import CaspianSupport
import Foundation

extension CaspianBench {
  /// Builds the route planner's cost grid at two cell sizes and writes each as a case.
  struct Prepare: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write benchmark cases: the planner's cost grid, start and end cells, and the moves.")

    @Option(help: ArgumentHelp("Data directory (manifest.json).", valueName: "dir"))
    var geodata: String = "Geodata"

    @Option(help: ArgumentHelp("Output directory; one sub-directory per case.", valueName: "dir"))
    var out: String

    @Option(help: "Start landing.")
    var from: String = "Aktau"

    @Option(help: "End landing.")
    var to: String = "Sumgait"

    @Option(
      name: .customLong("cell-size"),
      help: ArgumentHelp("Cell sizes, metres (one case each).", valueName: "m"))
    var cellSizes: [Double] = [1000, 250]

    func run() throws {
      let data = try GeodataSet.load(
        GeodataSources(directory: URL(fileURLWithPath: geodata, isDirectory: true)))
      let root = URL(fileURLWithPath: out, isDirectory: true)
      for cellSize in cellSizes {
        var model = CostModel()
        model.cellSizeM = cellSize
        let planner = try RoutePlanner(data: data, model: model)
        let problem = try planner.searchProblem(
          from: try planner.landing(named: from), to: try planner.landing(named: to))
        let grid = problem.grid
        let name = "\(Int(cellSize))m"
        let directory = root.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try AtomicFile.write(
          NumpyArray.encode(grid.costs, shape: [grid.rows, grid.cols]),
          to: directory.appendingPathComponent(SearchCase.gridFile))
        let info = SearchCase(
          name: "\(from)→\(to), \(data.name), \(Int(cellSize)) m cells", cellSizeMetres: cellSize,
          rows: grid.rows,
          cols: grid.cols, offsets: Connectivity.eight.offsets.map { [$0.row, $0.col] },
          start: [problem.start.row, problem.start.col], end: [problem.end.row, problem.end.col])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try AtomicFile.write(
          try encoder.encode(info), to: directory.appendingPathComponent(SearchCase.caseFile))
        print(directory.path)
      }
    }
  }
}
