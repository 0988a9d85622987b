import CaspianSupport
import Foundation
import Testing

@Suite struct AtomicFileTests {
  @Test func replacesContentAndLeavesNoTemporaryFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("out.txt")
    try AtomicFile.write("first", to: file)
    try AtomicFile.write("second", to: file)
    #expect(try String(contentsOf: file, encoding: .utf8) == "second")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.txt"])
  }

  @Test func missingDirectoryIsAnErrorNamingTheFile() {
    let file = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/out.txt")
    #expect {
      try AtomicFile.write("x", to: file)
    } throws: { error in
      "\(error)".hasPrefix(file.path) && "\(error)".contains("does not exist")
    }
  }
}
