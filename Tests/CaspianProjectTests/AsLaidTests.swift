import CaspianAnalysis
import CaspianGeometry
import CaspianProject
import CaspianSupport
import Foundation
import Testing

@Suite struct AsLaidTests {
  /// A two-leg route across the middle Caspian.
  static let track = try! RouteTrack(points: [
    Coordinate(longitude: 51.0, latitude: 43.0), Coordinate(longitude: 50.0, latitude: 42.0),
    Coordinate(longitude: 49.7, latitude: 40.6),
  ])

  /// The point `offsetM` to the right of the route at `kpKm`.
  static func point(kpKm: Double, offsetM: Double) -> Coordinate {
    let on = track.coordinate(atKpKm: kpKm)
    let ahead = track.coordinate(atKpKm: min(track.lengthKm, kpKm + 0.01))
    let azimuth = Geodesic.wgs84.inverse(on, ahead).azimuth1Degrees
    return Geodesic.wgs84.direct(from: on, azimuthDegrees: azimuth + 90, distanceMetres: offsetM)
  }

  static func time(_ hours: Double) -> Date { Date(timeIntervalSince1970: 1_780_000_000 + hours * 3600) }

  @Test func fixesProjectOntoTheRoute() throws {
    let kps = [0.0, 40, 80, 120, 160.3]
    let offsets = [10.0, 50, 20, 100, 30]
    var fixes = zip(kps, offsets).enumerated().map { index, pair in
      LayFix(
        time: Self.time(Double(index) * 24), position: Self.point(kpKm: pair.0, offsetM: pair.1),
        payoutKm: pair.0 * 1.02)
    }
    fixes.append(LayFix(time: Self.time(200), position: Self.point(kpKm: 170, offsetM: 2000)))
    let asLaid = AsLaid(fixes: fixes, track: Self.track, maxOffsetM: 500)
    #expect(asLaid.offRoute.count == 1)
    #expect(abs(asLaid.offRoute[0].offsetM - 2000) < 5)
    for (placed, (kp, offset)) in zip(asLaid.onRoute, zip(kps, offsets)) {
      #expect(abs(placed.kpKm - kp) < 0.002, "KP \(placed.kpKm) for \(kp)")
      #expect(abs(placed.offsetM - offset) < 1, "offset \(placed.offsetM) for \(offset)")
    }
    #expect(abs(asLaid.kpReachedKm! - 160.3) < 0.002)  // the far-off fix at KP 170 is not used
    #expect(abs(asLaid.laidKm! - 160.3) < 0.002)
    #expect(abs(asLaid.crossTrackMaxM! - 100) < 1)
    #expect(abs(asLaid.crossTrackP95M! - 100) < 1)  // nearest rank of 5: the largest
    #expect(abs(asLaid.layRateKmPerDay! - 160.3 / 4) < 0.001)
    #expect(abs(asLaid.slackPercent! - 2) < 0.01)
  }

  @Test func csvTimesZonesDuplicatesAndErrors() throws {
    let csv = """
      time,lon,lat,payout_km
      2026-06-01 06:00,51.0,43.0,0
      2026-06-01T10:00:00+04:00,51.0,43.0,0
      2026-06-01T07:00:00Z,50.9,42.9,14.5

      """
    let (fixes, duplicates) = try LayLog.parse(Data(csv.utf8), file: "log.csv")
    // 06:00 without a zone is UTC; 10:00+04:00 is the same instant, the same fix: counted once.
    #expect(fixes.count == 2)
    #expect(duplicates == [3])
    #expect(LayLog.timestamp(fixes[0].time) == "2026-06-01T06:00:00Z")
    #expect(fixes[1].payoutKm == 14.5)
    // Stored and read back: the same fixes.
    let stored = try LayLog.parse(Data(LayLog.csvText(fixes).utf8), file: "fixes.csv").fixes
    #expect(zip(stored, fixes).allSatisfy { $0.isSame(as: $1) })

    func refused(_ text: String, _ message: String) {
      #expect {
        try LayLog.parse(Data(text.utf8), file: "log.csv")
      } throws: { "\($0)" == message }
    }
    refused(
      "time,lon,lat\n2026-06-01T07:00Z,51,43\n2026-06-01T06:00Z,51,43\n",
      "log.csv: line 3: time 2026-06-01T06:00:00Z goes backwards (line 2 is 2026-06-01T07:00:00Z)")
    refused(
      "time,lon,lat\n2026-06-01T07:00Z,51,43\n2026-06-01T07:00Z,51.1,43\n",
      "log.csv: line 3: a different fix at the same time as line 2 (2026-06-01T07:00:00Z)")
    refused("time,lon,lat\nyesterday,51,43\n", "log.csv: line 2: time 'yesterday' is not an ISO 8601 time")
    refused(
      "time,lon,lat\n2026-06-01T25:00Z,51,43\n",
      "log.csv: line 2: time '2026-06-01T25:00Z' is not an ISO 8601 time")
    let zoned = try LayLog.parse(
      Data("time,lon,lat\n2026-06-01T06:00:00.5-03:30,51,43\n".utf8), file: "z.csv")
    #expect(LayLog.timestamp(zoned.fixes[0].time) == "2026-06-01T09:30:00Z")
    #expect(zoned.fixes[0].time.timeIntervalSince1970.truncatingRemainder(dividingBy: 1) == 0.5)
    refused("when,x,y\n", "log.csv: line 1: the header must name time, lon and lat columns (got when,x,y)")
    refused(
      "time,lon,lat,payout_km\n2026-06-01T07:00Z,51,43,-1\n",
      "log.csv: line 2: payout_km must be between 0 and 100000 km, got -1")
  }

  @Test func importingAgainAddsNothing() throws {
    let known = [
      LayFix(time: Self.time(0), position: Self.point(kpKm: 0, offsetM: 0)),
      LayFix(time: Self.time(24), position: Self.point(kpKm: 30, offsetM: 0)),
    ]
    let again = try LayMerge(known: known, new: known, file: "log.csv")
    #expect(again.added.isEmpty)
    #expect(again.alreadyKnown == 2)
    let next = LayFix(time: Self.time(48), position: Self.point(kpKm: 60, offsetM: 0))
    let overlap = try LayMerge(known: known, new: [known[1], next], file: "log.csv")
    #expect(overlap.added.count == 1)
    #expect(overlap.alreadyKnown == 1)
    #expect(overlap.fixes.count == 3)
    var moved = known[1]
    moved.position = Self.point(kpKm: 31, offsetM: 0)
    moved.line = 7
    #expect(throws: FileError.self) { try LayMerge(known: known, new: [moved], file: "log.csv") }
    var early = next
    early.time = Self.time(12)
    #expect(throws: FileError.self) { try LayMerge(known: known, new: [early], file: "log.csv") }
  }

  @Test func geoJSONPointsAreFixesToo() throws {
    let text = """
      {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [51.0, 43.0]},
         "properties": {"time": "2026-06-01T06:00:00+02:00", "payoutKm": 1.5, "kpKm": 1.4}},
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[51, 43], [50, 42]]}, "properties": {}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [50.9, 42.9]},
         "properties": {"time": "2026-06-01T05:00:00Z"}}
      ]}
      """
    let fixes = try LayLog.parse(Data(text.utf8), file: "track.geojson").fixes
    #expect(fixes.count == 2)
    #expect(LayLog.timestamp(fixes[0].time) == "2026-06-01T04:00:00Z")
    #expect(fixes[0].payoutKm == 1.5)
    #expect(fixes[0].loggedKpKm == 1.4)
    #expect(fixes[1].line == 3)
    #expect {
      try LayLog.parse(
        Data(
          #"{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [51, 43]}, "properties": {}}]}"#
            .utf8),
        file: "t.geojson")
    } throws: { "\($0)" == "t.geojson: feature 1: a fix needs a 'time' property with an ISO 8601 time" }
  }
}
