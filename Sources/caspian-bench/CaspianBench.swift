import ArgumentParser

/// Benchmarks our least-cost search against scikit-image's `MCP_Geometric` on the same cost
/// grids (driven by `Tools/benchmark.sh`).
@main
struct CaspianBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "caspian-bench",
    abstract: "Prepare cost-grid cases and time our least-cost search on them.",
    subcommands: [Prepare.self, Search.self, ReadGrid.self]
  )
}
