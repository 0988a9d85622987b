import Foundation

extension RouteEngineering {
  /// The CSV header: one column per RPL field, units in the names.
  public static let rplCSVHeader = [
    "Index", "Point", "Latitude (deg)", "Longitude (deg)", "Latitude (DDM)", "Longitude (DDM)", "KP (km)",
    "Leg distance (km)", "Bearing to next (deg T)", "Water depth (m)", "Cable type", "Slack (%)",
    "Leg cable length (km)", "Cumulative cable length (km)", "Burial target depth (m)", "Remarks",
  ]

  /// The Route Position List as CSV (RFC 4180, CRLF line ends): positions to 1e-6 degrees,
  /// lengths to the metre, bearings to 0.1°, depths to 0.1 m. Leg columns are empty on the last
  /// row; an empty depth is unknown; burial "none" is surface lay.
  public var rplCSV: String {
    var lines = [Self.rplCSVHeader.map(csvField).joined(separator: ",")]
    for row in rows {
      let fields: [String] = [
        String(row.index), row.point.rawValue,
        String(format: "%.6f", row.latitude), String(format: "%.6f", row.longitude),
        row.latitudeDDM, row.longitudeDDM, kmText(row.kpKm),
        row.legKm.map(kmText) ?? "", row.bearingDegrees.map { String(format: "%.1f", $0) } ?? "",
        row.depthM.map { String(format: "%.1f", $0) } ?? "", row.cableType?.rawValue ?? "",
        row.slackPercent.map { String(format: "%.2f", $0) } ?? "", row.legCableKm.map(kmText) ?? "",
        kmText(row.cumulativeCableKm),
        row.legKm == nil ? "" : row.burialDepthM.map { String(format: "%.1f", $0) } ?? "none",
        row.remarks.joined(separator: "; "),
      ]
      lines.append(fields.map(csvField).joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }
}

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
private func csvField(_ text: String) -> String {
  guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
  return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
