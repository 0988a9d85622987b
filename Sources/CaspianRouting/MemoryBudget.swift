import CaspianGeometry
import CaspianSupport
import Foundation

/// How much memory the planner's cost grid may take: the bound on the cell size.
///
/// The cell size has no fixed floor; instead, before anything is allocated, the planner works
/// out the frame that the cell size gives over the sea polygon's extent and refuses it when the
/// per-cell arrays (`bytesPerCell` each) would not fit in the budget. The default is
/// `defaultShare` of the machine's physical memory; `route plan --memory-budget GB` or the
/// environment variable `CASPIAN_MEMORY_BUDGET` (GB) overrides it.
public struct MemoryBudget: Sendable, Equatable {
  /// Bytes the cost grid may take.
  public var bytes: Double
  /// Where the figure comes from, for messages ("50 % of physical memory", "--memory-budget").
  public var origin: String

  public init(bytes: Double, origin: String) {
    self.bytes = bytes
    self.origin = origin
  }

  /// A budget in gigabytes (10⁹ bytes).
  public init(gigabytes: Double, origin: String) {
    self.init(bytes: gigabytes * 1e9, origin: origin)
  }

  /// Share of physical memory the default budget allows.
  public static let defaultShare = 0.5

  /// `defaultShare` of this machine's physical memory.
  public static var `default`: MemoryBudget {
    MemoryBudget(
      bytes: Double(ProcessInfo.processInfo.physicalMemory) * defaultShare,
      origin: "\(Int(defaultShare * 100)) % of physical memory")
  }

  /// Bytes per cost-grid cell, summed over every per-cell array the planner can hold at once:
  /// the raster's states (UInt8) and penalties (Float32); the search and evaluation grids of
  /// the full model, the evaluation grid opened around the stops for costing and again for a
  /// search (Float32 each); an option's own search and evaluation grids and its corridor
  /// penalty (Float32 each); the search's distances (Double) and back-pointers (UInt8); and an
  /// allowance of one heap entry (Double key + Int32 cell) per cell for the search frontier.
  public static let bytesPerCell = 1 + 4 + 4 + 4 + 4 + 4 + 4 + 4 + 4 + 8 + 1 + 12

  /// Cells a grid may have at most: the search addresses cells with `Int32`.
  public static let maximumCells = Int(Int32.max)

  /// Bytes the planner needs for a frame of `rows × cols` cells.
  public static func bytes(rows: Int, cols: Int) -> Double {
    Double(rows) * Double(cols) * Double(bytesPerCell)
  }

  /// Whether a grid of `rows × cols` cells fits.
  public func fits(rows: Int, cols: Int) -> Bool {
    Double(rows) * Double(cols) <= Double(Self.maximumCells) && Self.bytes(rows: rows, cols: cols) <= bytes
  }

  /// Checks the grid that `cellSizeM` cells give over the planar box `min`…`max` (metres)
  /// before anything of that size is allocated.
  /// - Throws: `RoutingError.overMemoryBudget` with the cell count, the memory needed and the
  ///   smallest cell size that fits.
  func check(covering min: PlanarPoint, _ max: PlanarPoint, cellSizeM: Double) throws {
    let (rows, cols) = Self.shape(covering: min, max, cellSizeM: cellSizeM)
    guard !fits(rows: rows, cols: cols) else { return }
    let needed = Self.bytes(rows: rows, cols: cols)
    let cells = Double(rows) * Double(cols)
    var problem =
      "cellSizeM \(Self.number(cellSizeM)) m gives a cost grid of \(cols) × \(rows) = \(Self.grouped(cells)) cells,"
      + " needing \(Self.size(needed)) (\(Self.bytesPerCell) bytes a cell)"
    problem +=
      cells > Double(Self.maximumCells)
      ? ", more than the \(Self.grouped(Double(Self.maximumCells))) cells the search can address"
      : ", over the memory budget of \(Self.size(bytes)) (\(origin); set --memory-budget GB or CASPIAN_MEMORY_BUDGET)"
    if let smallest = smallestFittingCellSize(covering: min, max, from: cellSizeM) {
      problem += "; the smallest cell size that fits is \(Self.number(smallest)) m"
    } else {
      problem += "; no cell size up to \(Self.number(Self.largestCellSizeM)) m fits"
    }
    throw RoutingError.overMemoryBudget(source: "cost model", problem: problem)
  }

  /// The largest cell size the search for a fitting one tries, metres (the `cellSizeM` limit).
  static let largestCellSizeM = 20_000.0

  /// The smallest whole number of metres, from `start` up, whose grid fits; nil if none does
  /// up to `largestCellSizeM`.
  func smallestFittingCellSize(covering min: PlanarPoint, _ max: PlanarPoint, from start: Double) -> Double? {
    func fitting(_ size: Double) -> Bool {
      let (rows, cols) = Self.shape(covering: min, max, cellSizeM: size)
      return fits(rows: rows, cols: cols)
    }
    guard fitting(Self.largestCellSizeM) else { return nil }
    var low = Swift.max(1, start.rounded(.up))
    var high = Self.largestCellSizeM
    if fitting(low) { return low }
    // fitting(high), !fitting(low): the grid shrinks as the cells grow.
    while high - low > 1 {
      let middle = ((low + high) / 2).rounded(.down)
      if fitting(middle) { high = middle } else { low = middle }
    }
    return high
  }

  /// Rows and columns of the frame `RasterFrame(covering:)` lays, without building it (in
  /// `Double` first, so that an absurd cell size cannot overflow `Int`).
  static func shape(covering min: PlanarPoint, _ max: PlanarPoint, cellSizeM: Double) -> (
    rows: Int, cols: Int
  ) {
    func count(_ span: Double) -> Int {
      let cells = (span / cellSizeM).rounded(.up) + 1 + 2 * Double(SeabedRaster.marginCells)
      return cells.isFinite && cells < 1e15 ? Int(cells) : Int(1e15)
    }
    return (count(max.y - min.y), count(max.x - min.x))
  }

  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
  }

  /// "784,900,000,000".
  static func grouped(_ value: Double) -> String { groupedThousands(value) }

  /// "12.4 GB", "42.4 TB", "310 MB".
  static func size(_ bytes: Double) -> String {
    let units = [(1e12, "TB"), (1e9, "GB"), (1e6, "MB")]
    for (scale, unit) in units where bytes >= scale {
      return String(format: "%.1f %@", bytes / scale, unit)
    }
    return String(format: "%.0f kB", bytes / 1e3)
  }
}
