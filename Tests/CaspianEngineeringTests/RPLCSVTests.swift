import CaspianGeometry
import Foundation
import Testing

@testable import CaspianEngineering

@Suite struct RPLCSVTests {
  /// A small RFC 4180 reader, independent of the writer.
  func parseCSV(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text)[...]
    while let c = characters.popFirst() {
      if quoted {
        if c == "\"" {
          if characters.first == "\"" {
            field.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        record.append(field)
        field = ""
      } else if c == "\r\n" || c == "\n" {
        record.append(field)
        records.append(record)
        record = []
        field = ""
      } else {
        field.append(c)
      }
    }
    return records
  }

  @Test func csvParsesBackToTheRows() throws {
    let pipeline = diagonalPipeline(name: "Line, \"A\"", angleDegrees: 60)
    let result = try RouteEngineer().analyse(
      route: VBasin.route, landingNames: ("West", "East"), depth: VBasin(), hazards: [pipeline],
      waterSurfaceM: nil)
    let records = parseCSV(result.rplCSV)
    #expect(records[0] == RouteEngineering.rplCSVHeader)
    #expect(records[0].contains("KP (km)") && records[0].contains("Water depth (m)"))
    #expect(records.count == result.rows.count + 1)
    for (record, row) in zip(records.dropFirst(), result.rows) {
      #expect(record.count == RouteEngineering.rplCSVHeader.count)
      #expect(Int(record[0]) == row.index)
      #expect(abs(Double(record[2])! - row.latitude) <= 5e-7)
      #expect(abs(Double(record[3])! - row.longitude) <= 5e-7)
      #expect(record[4] == row.latitudeDDM)
      #expect(abs(Double(record[6])! - row.kpKm) <= 5e-4)
      #expect(abs(Double(record[13])! - row.cumulativeCableKm) <= 5e-4)
      #expect(record[15] == row.remarks.joined(separator: "; "))
    }
    let last = try #require(records.last)
    #expect(abs(Double(last[6])! - result.routeLengthKm) <= 5e-4)
    #expect(abs(Double(last[13])! - result.cableLengthKm) <= 5e-4)
    #expect(last[7].isEmpty && last[10].isEmpty && last[14].isEmpty)
    #expect(records.contains { $0[15].contains("crossing pipeline Line, \"A\" at 60°") })
    #expect(records[1][14] == "1.0")
  }
}
