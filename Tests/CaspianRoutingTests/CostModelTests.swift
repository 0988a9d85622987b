import CaspianSupport
import Foundation
import Testing

@testable import CaspianRouting

@Suite("Cost model")
struct CostModelTests {
  @Test func everyKeyHasALimitAndTheDefaultsAreInside() {
    for (key, value) in CostModel().keyValues {
      #expect(Limits.named(key).problem(value) == nil, "\(key)")
    }
  }

  private func write(_ text: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "costmodel-\(UUID().uuidString).json")
    try Data(text.utf8).write(to: url)
    return url
  }

  @Test("A config file changes only the keys it names")
  func partialOverride() throws {
    let url = try write(#"{"shallowWaterPenalty": 2.5, "connectivity": 8}"#)
    defer { try? FileManager.default.removeItem(at: url) }
    let model = try CostModel.load(from: url)
    var expected = CostModel()
    expected.shallowWaterPenalty = 2.5
    expected.connectivity = 8
    #expect(model == expected)
  }

  @Test("Encoding writes every key and decodes back to the same model")
  func roundTrip() throws {
    var model = CostModel()
    model.crossingCostKm = 7
    let data = try JSONEncoder().encode(model)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object.count == 22)
    #expect(try JSONDecoder().decode(CostModel.self, from: data) == model)
  }

  @Test(
    "Bad config files are rejected with one line naming the file and the key",
    arguments: [
      (#"{"shalowWaterPenalty": 1}"#, #"unknown key "shalowWaterPenalty""#),
      (#"{"portPenalty": -1}"#, "portPenalty must be between 0 and 1000 × the open-seabed cost, got -1"),
      (#"{"cellSizeM": 0}"#, "cellSizeM must be between 1 and 20000 m, got 0"),
      (
        #"{"fieldPenalty": 1e308}"#,
        "fieldPenalty must be between 0 and 1000 × the open-seabed cost, got 1e+308"
      ),
      (#"{"profileSpacingM": 500}"#, #"unknown key "profileSpacingM""#),
      (#"{"portPenalty": 1, "portPenalty": 2}"#, #"line 1, column 20: duplicate key "portPenalty""#),
      (#"{"connectivity": 4}"#, "connectivity must be 8 or 16, got 4"),
      (#"{"portPenalty": "high"}"#, #""portPenalty" must be a number"#),
      ("[1, 2]", "not a JSON object"),
    ])
  func badConfig(text: String, message: String) throws {
    let url = try write(text)
    defer { try? FileManager.default.removeItem(at: url) }
    let error = try #require(throws: RoutingError.self) { try CostModel.load(from: url) }
    #expect(error.description.hasPrefix(url.path + ": "))
    #expect(error.description.contains(message), "\(error.description)")
    #expect(!error.description.contains("\n"))
  }
}
