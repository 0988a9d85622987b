extension Limits {
  /// The limit of `name` in `Limits.all` (a file key such as `cellSizeM` or a flag such as
  /// `--options`). Asking for a name the table does not hold is a programming error.
  public static func named(_ name: String) -> Limit {
    guard let limit = all.first(where: { $0.name == name }) else {
      preconditionFailure("no limit named \(name) in Limits.all")
    }
    return limit
  }
}
